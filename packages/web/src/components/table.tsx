import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";
import clsx from "clsx";

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={clsx(
        "bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase",
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={clsx("px-3 py-2 align-top text-slate-900", className)} {...rest} />;
}

/** A header row of plain column titles, optionally ending in an unlabelled "Actions" column. */
export function TableHead({ columns, actions }: { columns: string[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <Th key={c}>{c}</Th>
        ))}
        {actions && (
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </tr>
    </thead>
  );
}

export function TableBody({ className, children }: { className?: string; children: ReactNode }) {
  return <tbody className={clsx("divide-y divide-slate-200", className)}>{children}</tbody>;
}

/** The link to a record's page in the first cell of a list row. */
export const rowLinkClass = "font-medium text-blue-800 underline-offset-2 hover:underline";
