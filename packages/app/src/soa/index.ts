// registers applied controls and SoA entries as link targets (for evidence, documents, tasks …)
import "./link-targets";

export * from "./soa-references";
export * from "./soa-entry-references";
export * from "./create-applied-control";
export * from "./update-applied-control";
export * from "./archive-applied-control";
export * from "./restore-applied-control";
export * from "./get-applied-control";
export * from "./list-applied-controls";
export { getSoa } from "./get-soa";
export * from "./update-soa-entry";
export * from "./create-soa-version";
export * from "./approve-soa-version";
export * from "./reject-soa-version";
export * from "./list-soa-versions";
export * from "./get-soa-version";
export * from "./diff-soa-versions";
export * from "./export-soa";
