import { inventoryRecordRules, type InventoryRecordState } from "../shared/inventory-record-rules";
import { invalidInput } from "../shared/domain-error";
import { vendorFieldNames, type VendorFields } from "../schemas/vendors";

/** Vendors share the AI model policy (`aiModelPolicy`): read with `ai_system.read`, write with `ai_system.update`. */
export type VendorState = VendorFields & InventoryRecordState;

const rules = inventoryRecordRules<VendorFields, VendorState>({
  kind: "vendor",
  noun: "vendor",
  fieldNames: vendorFieldNames,
  check: (fields) => assertVendorDates(fields),
});
export const decideCreateVendor = rules.decideCreate;
export const decideUpdateVendor = rules.decideUpdate;
export const vendorUpdatedEvent = rules.updatedEvent;
export const decideArchiveVendor = rules.decideArchive;

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
