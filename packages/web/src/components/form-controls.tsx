import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import * as Label from "@radix-ui/react-label";
import clsx from "clsx";

export const controlClass = (invalid: boolean) =>
  clsx(
    "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500",
    "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600",
    "disabled:bg-slate-100 disabled:text-slate-600",
    invalid ? "border-red-700" : "border-slate-400",
  );

interface FieldProps {
  label: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  className?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A label, the control, a hint and the errors that belong to it, wired for screen readers. */
export function Field({ label, hint, errors, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("space-y-1", className)}>
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </Label.Root>
      {children({ id, describedBy, invalid: Boolean(errorId) })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errorId && <FieldErrorList id={errorId} errors={errors ?? []} />}
    </div>
  );
}

export function FieldErrorList({ id, errors }: { id?: string; errors: string[] }) {
  return (
    <ul id={id} className="space-y-0.5 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type Common = { label: string; hint?: ReactNode; errors?: string[] | undefined; className?: string };

export function TextField({
  label,
  hint,
  errors,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={controlClass(invalid)}
          {...input}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  className,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={3}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={controlClass(invalid)}
          {...input}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[] }) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={controlClass(invalid)}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({
  label,
  description,
  ...input
}: { label: string; description?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const id = useId();
  // The description stays outside the <label> so the accessible name is just the label.
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-slate-400 accent-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600"
        aria-describedby={description ? `${id}-d` : undefined}
        {...input}
      />
      <div className="text-sm">
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
        {description && (
          <p id={`${id}-d`} className="text-xs text-slate-600">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
