import { aiModelPolicy, decideArchiveVendor } from "@openaims/core";
import { tables } from "@openaims/db";
import { archiveCommands } from "../shared/archive-row";
import { loadVendorView, lockVendor, toVendorState } from "./vendor-records";

/** Archiving retires a vendor from the default list and stops it passing flags on; its links stay. */
const commands = archiveCommands({
  table: tables.vendors,
  lock: lockVendor,
  policy: aiModelPolicy,
  decide: (current, version, archive) => decideArchiveVendor(toVendorState(current), version, archive),
  load: (tx, actor, id, now) => loadVendorView(tx, actor, id, now),
});

export const archiveVendor = commands.archive;
export const restoreVendor = commands.restore;
