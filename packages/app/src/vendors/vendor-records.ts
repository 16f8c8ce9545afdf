import { and, eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  notFound,
  vendorReviewDue,
  type Actor,
  type VendorResponsibility,
  type VendorState,
  type VendorSummaryView,
  type VendorView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf } from "../shared/links";

const { vendors } = tables;
export type VendorRow = typeof vendors.$inferSelect;

export function toVendorState(row: VendorRow): VendorState {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    supplies: row.supplies,
    contact: row.contact,
    contractReference: row.contractReference,
    contractStart: row.contractStart,
    contractEnd: row.contractEnd,
    reviewDate: row.reviewDate,
    riskRating: row.riskRating as VendorState["riskRating"],
    responsibilities: row.responsibilities as VendorResponsibility[],
    customerObligations: row.customerObligations,
    notes: row.notes,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Loads and row-locks a vendor of the org for a write; another org's id is a 404. */
export async function lockVendor(tx: Executor, orgId: string, id: string): Promise<VendorRow> {
  const [row] = await tx
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)))
    .for("update");
  if (!row) throw notFound("Vendor");
  return row;
}

export function presentVendorSummary(
  actor: Actor,
  row: VendorRow,
  now: Date = new Date(),
): VendorSummaryView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    supplies: row.supplies,
    riskRating: row.riskRating as VendorSummaryView["riskRating"],
    contractEnd: row.contractEnd,
    reviewDate: row.reviewDate,
    reviewDue: vendorReviewDue(row.reviewDate, now),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: row.archivedAt }),
  };
}

export async function loadVendorView(
  db: Executor,
  actor: Actor,
  id: string,
  now?: Date,
): Promise<VendorView> {
  const [row] = await db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, actor.orgId), eq(vendors.id, id)));
  if (!row) throw notFound("Vendor");
  const s = toVendorState(row);
  const links = await labelLinks(db, actor.orgId, await linksOf(db, actor.orgId, "vendor", id));
  return {
    ...presentVendorSummary(actor, row, now),
    contact: s.contact,
    contractReference: s.contractReference,
    contractStart: s.contractStart,
    responsibilities: s.responsibilities,
    customerObligations: s.customerObligations,
    notes: s.notes,
    links,
  };
}
