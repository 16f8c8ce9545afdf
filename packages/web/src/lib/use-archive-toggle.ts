import { useMutation } from "@tanstack/react-query";

interface Archivable {
  id: string;
  version: number;
  archivedAt: string | null;
}

/** An area's archive and restore calls: both take the `version` read and answer with the fresh view. */
export interface ArchiveApi<V> {
  archive(orgId: string, id: string, version: number): Promise<V>;
  restore(orgId: string, id: string, version: number): Promise<V>;
}

/** Archives a live record or restores an archived one, then runs the area's after-write refresh. */
export function useArchiveToggle<V extends Archivable>(
  orgId: string,
  api: ArchiveApi<V>,
  after: (fresh: V) => unknown,
) {
  return useMutation({
    mutationFn: (r: V) =>
      r.archivedAt ? api.restore(orgId, r.id, r.version) : api.archive(orgId, r.id, r.version),
    onSuccess: after,
  });
}
