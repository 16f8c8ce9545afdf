import { TextAreaField, TextField } from "../../components/form-controls";

export interface EvidenceTextValues {
  description: string;
  collectedAt: string;
  validUntil: string;
}

/** Description, collected-on and valid-until: the part of an evidence item's form that adding and editing share. */
export function EvidenceDescriptionAndDates({
  values,
  onChange,
  errorsFor,
  hints,
}: {
  values: EvidenceTextValues;
  onChange: (field: keyof EvidenceTextValues, value: string) => void;
  errorsFor: (path: string) => string[];
  hints: { collectedAt?: string; validUntil: string };
}) {
  return (
    <>
      <TextAreaField
        label="Description"
        value={values.description}
        onChange={(e) => onChange("description", e.target.value)}
        errors={errorsFor("description")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Collected on"
          type="date"
          value={values.collectedAt}
          onChange={(e) => onChange("collectedAt", e.target.value)}
          hint={hints.collectedAt}
          errors={errorsFor("collectedAt")}
        />
        <TextField
          label="Valid until"
          type="date"
          value={values.validUntil}
          onChange={(e) => onChange("validUntil", e.target.value)}
          hint={hints.validUntil}
          errors={errorsFor("validUntil")}
        />
      </div>
    </>
  );
}
