import { Archive, ArchiveRestore } from "lucide-react";
import { Button } from "./button";

interface Archivable {
  archivedAt: string | null;
  abilities: { archive?: boolean; restore?: boolean };
}

/** "Archive" on a live record, "Restore" on an archived one; shown only when the record's abilities allow it. */
export function ArchiveToggleButton<V extends Archivable>({
  record,
  toggle,
}: {
  record: V;
  toggle: { mutate: (record: V) => void; isPending: boolean };
}) {
  const archived = record.archivedAt !== null;
  if (!(archived ? record.abilities.restore : record.abilities.archive)) return null;
  return (
    <Button onClick={() => toggle.mutate(record)} busy={toggle.isPending}>
      {archived ? (
        <ArchiveRestore className="size-4" aria-hidden="true" />
      ) : (
        <Archive className="size-4" aria-hidden="true" />
      )}
      {archived ? "Restore" : "Archive"}
    </Button>
  );
}
