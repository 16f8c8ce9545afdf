import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { isApiError } from "../../api";
import { PageHeader } from "../../components/page-header";
import { Alert, ErrorState, LoadingState } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useCan } from "../session/use-me";

/**
 * After a write to an inventory record (model, dataset, vendor): the area's queries except the fresh detail,
 * the system components (which show and flag them) and the audit trail refetch.
 */
export function useAfterInventoryWrite<V extends { id: string }>(
  orgId: string,
  area: "models" | "datasets" | "vendors",
) {
  const queryClient = useQueryClient();
  return async (record?: V) => {
    if (record) queryClient.setQueryData(["orgs", orgId, area, "detail", record.id], record);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return (
          a === "orgs" &&
          b === orgId &&
          ((c === area && (!record || kind !== "detail")) || (c === "models" && kind === "components"))
        );
      },
    });
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "audit-events"] });
  };
}

type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * The save of an inventory record's form: create or update, field errors from the client-side parse or the
 * server's 400, then the area's refresh and `onSaved`.
 */
export function useInventorySave<V extends { id: string; version: number }, C, U>(opts: {
  existing: V | undefined;
  create: (body: C) => Promise<V>;
  update: (id: string, body: U) => Promise<V>;
  after: (v: V) => Promise<unknown>;
  onSaved: (v: V) => void;
}) {
  const { existing } = opts;
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: C | U) => (existing ? opts.update(existing.id, body as U) : opts.create(body as C)),
    onSuccess: async (v) => {
      await opts.after(v);
      opts.onSaved(v);
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  /** Submits the candidate: parsed with the update schema (plus `version`) when editing, else the create schema. */
  const submit =
    (
      candidate: () => Record<string, unknown>,
      schemas: {
        create: { safeParse: (x: unknown) => Parsed<C> };
        update: { safeParse: (x: unknown) => Parsed<U> };
      },
    ) =>
    (e: FormEvent) => {
      e.preventDefault();
      if (save.isPending) return;
      const c = candidate();
      const parsed: Parsed<C | U> = existing
        ? schemas.update.safeParse({ ...c, version: existing.version })
        : schemas.create.safeParse(c);
      if (!parsed.success) {
        setErrors(groupIssues(issuesFromZod(parsed.error)));
        return;
      }
      setErrors({});
      save.mutate(parsed.data);
    };
  return { save, errors, submit };
}

/** The "Record a …" page: the form for those who may write to the inventory, else a note. */
export function NewInventoryRecordPage({
  orgId,
  breadcrumb,
  title,
  refusal,
  children,
}: {
  orgId: string;
  breadcrumb: ReactNode;
  title: string;
  refusal: string;
  children: ReactNode;
}) {
  const can = useCan(orgId);
  return (
    <>
      {breadcrumb}
      <PageHeader title={title} />
      {can("ai_system.update") ? children : <Alert>{refusal}</Alert>}
    </>
  );
}

/** The "Edit …" page: loads the record, then shows its form. */
export function EditInventoryRecordPage<V extends { name: string }>({
  query,
  breadcrumb,
  children,
}: {
  query: UseQueryResult<V>;
  breadcrumb: (v: V) => ReactNode;
  children: (v: V) => ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      {breadcrumb(query.data)}
      <PageHeader title={`Edit ${query.data.name}`} />
      {children(query.data)}
    </>
  );
}
