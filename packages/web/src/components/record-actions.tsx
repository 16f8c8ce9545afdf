import { Pencil } from "lucide-react";
import { ArchiveToggleButton } from "./archive-toggle-button";
import { Button } from "./button";

interface EditableArchivable {
  archivedAt: string | null;
  abilities: { update?: boolean; archive?: boolean; restore?: boolean };
}

/** A detail page's header actions: "Edit" on a live record the user may update, then Archive / Restore. */
export function EditArchiveActions<V extends EditableArchivable>({
  record,
  toggle,
  onEdit,
}: {
  record: V;
  toggle: { mutate: (record: V) => void; isPending: boolean };
  onEdit: () => void;
}) {
  return (
    <>
      {record.archivedAt === null && record.abilities.update && (
        <Button onClick={onEdit}>
          <Pencil className="size-4" aria-hidden="true" />
          Edit
        </Button>
      )}
      {record.abilities.archive && <ArchiveToggleButton record={record} toggle={toggle} />}
    </>
  );
}
