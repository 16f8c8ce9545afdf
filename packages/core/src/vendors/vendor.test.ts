import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../shared/domain-error";
import { CreateVendorInput } from "../schemas/vendors";
import { decideCreateVendor, decideUpdateVendor, vendorReviewDue, type VendorState } from "./vendor";

const state = (extra: Partial<VendorState> = {}): VendorState => ({
  id: "v1",
  orgId: "o1",
  ...CreateVendorInput.parse({ name: "Acme", contractStart: "2026-01-01", contractEnd: "2026-12-31" }),
  archivedAt: null,
  version: 1,
  ...extra,
});

describe("vendor rules", () => {
  it("a review is due on its date and after, not before, and never without a date", () => {
    const now = new Date("2026-07-02T23:59:00.000Z");
    assert.equal(vendorReviewDue("2026-07-02", now), true);
    assert.equal(vendorReviewDue("2026-07-01", now), true);
    assert.equal(vendorReviewDue("2026-07-03", now), false);
    assert.equal(vendorReviewDue(null, now), false);
  });

  it("a contract cannot end before it starts, on create or on an update of either date", () => {
    const bad = (fn: () => unknown) =>
      assert.throws(fn, (e) => e instanceof DomainError && e.code === "invalid_input");
    bad(() => decideCreateVendor("v1", { ...state(), contractEnd: "2025-12-31" }));
    bad(() => decideUpdateVendor(state(), { contractStart: "2027-01-01" }, 1));
    assert.ok(decideUpdateVendor(state(), { contractEnd: "2027-06-30" }, 1));
  });
});
