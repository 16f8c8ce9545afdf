import { and, eq, inArray } from "drizzle-orm";
import { annexAControls, soaFrameworkId } from "@openaims/core";
import { tables } from "@openaims/db";
import { registerLinkTarget } from "../shared/links";
import { uuidLike } from "./applied-control-records";

/**
 * Applied controls and SoA entries are link targets: evidence "demonstrates" an applied control, a document
 * belongs to a SoA entry. Labels: the control's name; the entry's control id and title ("A.2.2 AI policy").
 * Archived applied controls still resolve, so links made earlier keep their label.
 */
registerLinkTarget("applied_control", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.appliedControls.id, name: tables.appliedControls.name })
    .from(tables.appliedControls)
    .where(and(eq(tables.appliedControls.orgId, orgId), inArray(tables.appliedControls.id, valid)));
  return new Map(rows.map((r) => [r.id, r.name]));
});

registerLinkTarget("soa_entry", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const e = tables.soaEntries;
  const rows = await db
    .select({
      id: e.id,
      frameworkId: e.frameworkId,
      controlId: e.controlId,
      name: tables.appliedControls.name,
    })
    .from(e)
    .leftJoin(tables.appliedControls, eq(tables.appliedControls.id, e.additionalControlId))
    .where(and(eq(e.orgId, orgId), inArray(e.id, valid)));
  const titles = new Map(annexAControls().map((c) => [c.controlId, c.title]));
  return new Map(
    rows.map((r) => [
      r.id,
      r.frameworkId === soaFrameworkId && titles.has(r.controlId)
        ? `SoA ${r.controlId} ${titles.get(r.controlId)}`
        : `SoA ${r.name ?? r.controlId}`,
    ]),
  );
});
