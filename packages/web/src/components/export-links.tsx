import { buttonClass } from "./button";

/** "Export CSV" and "Export XLSX" download links for a page header's actions. */
export function ExportLinks({ href }: { href: (format: "csv" | "xlsx") => string }) {
  return (
    <>
      <a className={buttonClass("secondary")} href={href("csv")} download>
        Export CSV
      </a>
      <a className={buttonClass("secondary")} href={href("xlsx")} download>
        Export XLSX
      </a>
    </>
  );
}
