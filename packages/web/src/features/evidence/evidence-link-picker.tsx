import { LinkPicker, type LinkPickerProps } from "../../components/link-picker";

/** Picks what evidence (or an applied control) demonstrates: clauses, controls and AI systems. */
export function EvidenceLinkPicker(props: Omit<LinkPickerProps, "legend" | "emptyText">) {
  return (
    <LinkPicker
      legend="What it demonstrates"
      emptyText="Not linked yet: add the clauses or controls and AI systems it supports."
      {...props}
    />
  );
}
