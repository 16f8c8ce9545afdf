import type { ReactNode } from "react";
import clsx from "clsx";

// whole class names, so Tailwind finds them
const wideColumns = { 5: "lg:grid-cols-5", 6: "lg:grid-cols-6" } as const;

/** The filters above a list: a labelled search landmark laid out as a grid of fields. */
export function FilterBar({
  label,
  columns = 5,
  children,
}: {
  /** names the landmark: "Filter documents" */
  label: string;
  columns?: keyof typeof wideColumns;
  children: ReactNode;
}) {
  return (
    <div
      role="search"
      aria-label={label}
      className={clsx("mb-4 grid gap-3 sm:grid-cols-2", wideColumns[columns])}
    >
      {children}
    </div>
  );
}
