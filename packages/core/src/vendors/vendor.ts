import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { invalidInput, invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import { vendorFieldNames, type VendorFields } from "../schemas/vendors";

/** Vendors share the AI model policy (`aiModelPolicy`): read with `ai_system.read`, write with `ai_system.update`. */
export interface VendorState extends VendorFields {
  id: string;
  orgId: string;
  archivedAt: Date | null;
  version: number;
}

export function decideCreateVendor(id: string, fields: VendorFields): PendingEvent {
  assertVendorDates(fields);
  return {
    type: "vendor.created",
    entityType: "vendor",
    entityId: id,
    payload: { name: fields.name, diff: creationDiff(fields, vendorFieldNames) },
  };
}

export function decideUpdateVendor(
  current: VendorState,
  changes: Partial<VendorFields>,
  expectedVersion: number,
): { changes: Partial<VendorFields>; diff: Record<string, [unknown, unknown]> } | null {
  assertVersion(current, expectedVersion, "This vendor");
  if (current.archivedAt) throw invalidState("An archived vendor cannot be edited; restore it first.");
  const d = diff(current, changes, vendorFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof VendorFields]]));
  assertVendorDates({ ...current, ...changed });
  return { changes: changed as Partial<VendorFields>, diff: d };
}

export function vendorUpdatedEvent(
  id: string,
  fieldDiff: Record<string, [unknown, unknown]>,
  links: { added: LinkTarget[]; removed: LinkTarget[] } | null,
): PendingEvent {
  const payload: Record<string, unknown> = { diff: fieldDiff };
  if (links && (links.added.length > 0 || links.removed.length > 0)) payload.links = links;
  return { type: "vendor.updated", entityType: "vendor", entityId: id, payload };
}

export function decideArchiveVendor(
  current: VendorState,
  expectedVersion: number,
  archive: boolean,
): PendingEvent {
  assertVersion(current, expectedVersion, "This vendor");
  if (archive && current.archivedAt) throw invalidState("This vendor is already archived.");
  if (!archive && !current.archivedAt) throw invalidState("This vendor is not archived.");
  return {
    type: archive ? "vendor.archived" : "vendor.restored",
    entityType: "vendor",
    entityId: current.id,
    payload: { name: current.name },
  };
}

/** A review is due on its date and after it (calendar days, UTC). */
export const vendorReviewDue = (reviewDate: string | null, now: Date): boolean =>
  reviewDate !== null && reviewDate <= now.toISOString().slice(0, 10);

/** The contract cannot end before it starts. */
export function assertVendorDates(f: Pick<VendorFields, "contractStart" | "contractEnd">): void {
  if (f.contractStart && f.contractEnd && f.contractEnd < f.contractStart)
    throw invalidInput("contractEnd: must not be before the contract start.", {
      issues: [{ path: "contractEnd", message: `must not be before the contract start ${f.contractStart}` }],
    });
}
