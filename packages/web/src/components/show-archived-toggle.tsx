/** The "Show archived …" checkbox above a register list; the list page keeps the choice in its URL search. */
export function ShowArchivedToggle({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: (archived: boolean) => void;
  label: string;
}) {
  return (
    <div className="mb-4">
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          className="size-4 accent-blue-700"
        />
        {label}
      </label>
    </div>
  );
}
