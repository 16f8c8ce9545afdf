import { Button } from "./button";

/** The Save / Cancel row at the foot of a record form; Save submits the form and shows `busy` while saving. */
export function FormActions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  return (
    <div className="flex gap-2 border-t border-slate-200 pt-4">
      <Button type="submit" variant="primary" busy={busy}>
        Save
      </Button>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}
