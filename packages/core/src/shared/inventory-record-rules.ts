import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { invalidState } from "./domain-error";
import type { LinkTarget } from "./links";

type Kind = "ai_model" | "dataset" | "vendor";
type FieldDiff = Record<string, [unknown, unknown]>;

/** What every inventory record's state carries besides its own fields. */
export interface InventoryRecordState {
  id: string;
  orgId: string;
  name: string;
  archivedAt: Date | null;
  version: number;
}

/**
 * The create / update / archive decisions shared by models, datasets and vendors: optimistic version, no edits
 * while archived, a field diff (null when nothing changes), link changes in the updated event, and
 * archive/restore only from the other state. `check` adds a kind's own rule over the fields as they would be.
 */
export function inventoryRecordRules<
  F extends { name: string } & Record<string, unknown>,
  S extends F & InventoryRecordState,
>(spec: {
  kind: Kind;
  /** "model", "dataset", "vendor": used in messages */
  noun: string;
  fieldNames: readonly (keyof F & string)[];
  check?: (fields: F) => void;
}) {
  const { kind, noun, fieldNames } = spec;
  const This = `This ${noun}`;
  return {
    decideCreate(id: string, fields: F): PendingEvent {
      spec.check?.(fields);
      return {
        type: `${kind}.created`,
        entityType: kind,
        entityId: id,
        payload: { name: fields.name, diff: creationDiff(fields, fieldNames) },
      };
    },
    /** The fields that change (null when none do); links are compared by the caller, which owns their storage. */
    decideUpdate(
      current: S,
      changes: Partial<F>,
      expectedVersion: number,
    ): { changes: Partial<F>; diff: FieldDiff } | null {
      assertVersion(current, expectedVersion, This);
      if (current.archivedAt) throw invalidState(`An archived ${noun} cannot be edited; restore it first.`);
      const d = diff(current, changes, fieldNames);
      if (Object.keys(d).length === 0) return null;
      const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof F]])) as Partial<F>;
      spec.check?.({ ...current, ...changed });
      return { changes: changed, diff: d };
    },
    updatedEvent(
      id: string,
      fieldDiff: FieldDiff,
      links: { added: LinkTarget[]; removed: LinkTarget[] } | null,
    ): PendingEvent {
      const payload: Record<string, unknown> = { diff: fieldDiff };
      if (links && (links.added.length > 0 || links.removed.length > 0)) payload.links = links;
      return { type: `${kind}.updated`, entityType: kind, entityId: id, payload };
    },
    decideArchive(current: S, expectedVersion: number, archive: boolean): PendingEvent {
      assertVersion(current, expectedVersion, This);
      if (archive && current.archivedAt) throw invalidState(`${This} is already archived.`);
      if (!archive && !current.archivedAt) throw invalidState(`${This} is not archived.`);
      return {
        type: archive ? `${kind}.archived` : `${kind}.restored`,
        entityType: kind,
        entityId: current.id,
        payload: { name: current.name },
      };
    },
  };
}
