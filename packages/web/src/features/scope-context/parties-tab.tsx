import { useState } from "react";
import {
  addressedLabels,
  addressedValues,
  partyTypeLabels,
  partyTypes,
  type Addressed,
  type PartyType,
} from "@openaims/core";
import { contextApi, type InterestedPartyView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { FormDialog } from "../../components/dialog";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { CursorPager } from "../../components/pager";
import { QueryView } from "../../components/query-view";
import { EmptyState, FormErrorAlert } from "../../components/states";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { fieldErrors, useContextMutation, useParties } from "./queries";

type Requirement = InterestedPartyView["requirements"][number];

function PartyDialog({
  orgId,
  party,
  onClose,
}: {
  orgId: string;
  party: InterestedPartyView | null;
  onClose: () => void;
}) {
  const [name, setName] = useState(party?.name ?? "");
  const [type, setType] = useState<PartyType>(party?.type ?? "customer");
  const [description, setDescription] = useState(party?.description ?? "");
  const save = useContextMutation(orgId, () =>
    party
      ? contextApi.updateParty(orgId, party.id, { name, type, description, version: party.version })
      : contextApi.createParty(orgId, { name, type, description }),
  );
  return (
    <FormDialog
      title={party ? "Edit interested party" : "New interested party"}
      mutation={save}
      onSubmit={() => save.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      <TextField
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={fieldErrors(save.error, "name")}
      />
      <SelectField
        label="Type"
        value={type}
        onChange={(e) => setType(e.target.value as PartyType)}
        options={partyTypes.map((t) => ({ value: t, label: partyTypeLabels[t] }))}
      />
      <TextAreaField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
    </FormDialog>
  );
}

function RequirementDialog({
  orgId,
  party,
  requirement,
  onClose,
}: {
  orgId: string;
  party: InterestedPartyView;
  requirement: Requirement | null;
  onClose: () => void;
}) {
  const [text, setText] = useState(requirement?.text ?? "");
  const [addressed, setAddressed] = useState<Addressed | "">(requirement?.addressed ?? "");
  const [how, setHow] = useState(requirement?.how ?? "");
  const [linkNode, setLinkNode] = useState(
    requirement?.link?.type === "framework_node" ? requirement.link.id : "",
  );
  const keepOtherLink = requirement?.link && requirement.link.type !== "framework_node";
  const save = useContextMutation(orgId, () => {
    const body = {
      text,
      how,
      addressed: addressed || null,
      ...(keepOtherLink
        ? {}
        : { link: linkNode.trim() ? { type: "framework_node" as const, id: linkNode.trim() } : null }),
    };
    return requirement
      ? contextApi.updateRequirement(orgId, party.id, requirement.id, {
          ...body,
          version: requirement.version,
        })
      : contextApi.addRequirement(orgId, party.id, body);
  });
  return (
    <FormDialog
      title={`Requirement of ${party.name}`}
      wide
      mutation={save}
      onSubmit={() => save.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      <TextAreaField
        label="Requirement"
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        errors={fieldErrors(save.error, "text")}
      />
      <SelectField
        label="Addressed by the AIMS?"
        value={addressed}
        onChange={(e) => setAddressed(e.target.value as Addressed | "")}
        options={[
          { value: "", label: "Not decided yet" },
          ...addressedValues.map((v) => ({ value: v, label: addressedLabels[v] })),
        ]}
      />
      <TextAreaField label="How (or why not)" value={how} onChange={(e) => setHow(e.target.value)} />
      {keepOtherLink ? (
        <p className="text-sm text-slate-700">Linked to {requirement?.link?.label}.</p>
      ) : (
        <TextField
          label="Linked framework node"
          hint="Optional, e.g. A.8.2 or 4.2"
          value={linkNode}
          onChange={(e) => setLinkNode(e.target.value)}
          errors={fieldErrors(save.error, "links")}
        />
      )}
    </FormDialog>
  );
}

const addressedTone = { yes: "green", partly: "amber", no: "red" } as const;

export function PartiesTab({ orgId }: { orgId: string }) {
  const pages = useCursorPages("parties");
  const query = useParties(orgId, pages.cursor);
  const [editing, setEditing] = useState<InterestedPartyView | "new" | null>(null);
  const [req, setReq] = useState<{ party: InterestedPartyView; requirement: Requirement | null } | null>(
    null,
  );
  const remove = useContextMutation(orgId, (p: InterestedPartyView) =>
    contextApi.deleteParty(orgId, p.id, p.version),
  );
  const removeReq = useContextMutation(orgId, (a: { party: InterestedPartyView; r: Requirement }) =>
    contextApi.deleteRequirement(orgId, a.party.id, a.r.id, a.r.version),
  );
  const canWrite = query.data?.abilities.write ?? false;
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        {canWrite && (
          <Button variant="primary" onClick={() => setEditing("new")}>
            New interested party
          </Button>
        )}
      </div>
      <FormErrorAlert mutation={remove} />
      <FormErrorAlert mutation={removeReq} />
      <QueryView
        query={query}
        loadingLabel="Loading interested parties…"
        isEmpty={(d) => d.items.length === 0 && !pages.hasPrevious}
        empty={
          <EmptyState title="No interested parties">
            List who has a stake in your AI systems and what they need from you.
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <ul className="space-y-4">
              {page.items.map((p) => (
                <li key={p.id} className="rounded-lg border border-slate-200 p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <h3 className="font-semibold text-slate-900">
                        {p.name} <Badge>{partyTypeLabels[p.type]}</Badge>{" "}
                        {p.undecided > 0 && <Badge tone="amber">{p.undecided} undecided</Badge>}
                      </h3>
                      {p.description && <p className="mt-1 text-sm text-slate-700">{p.description}</p>}
                    </div>
                    {canWrite && (
                      <div className="space-x-2">
                        <Button size="sm" onClick={() => setReq({ party: p, requirement: null })}>
                          Add requirement
                        </Button>
                        <Button size="sm" onClick={() => setEditing(p)}>
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="danger"
                          disabled={remove.isPending}
                          onClick={() =>
                            window.confirm(`Delete ${p.name} and its requirements?`) && remove.mutate(p)
                          }
                        >
                          Delete
                        </Button>
                      </div>
                    )}
                  </div>
                  {p.requirements.length > 0 && (
                    <ul className="mt-3 divide-y divide-slate-100 text-sm">
                      {p.requirements.map((r) => (
                        <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                          <div>
                            <div className="text-slate-900">{r.text}</div>
                            <div className="text-slate-700">
                              {r.addressed ? (
                                <Badge tone={addressedTone[r.addressed]}>
                                  Addressed: {addressedLabels[r.addressed]}
                                </Badge>
                              ) : (
                                <Badge tone="amber">Not decided</Badge>
                              )}{" "}
                              {r.how}
                              {r.link && <span className="ml-2 text-slate-600">→ {r.link.label}</span>}
                            </div>
                          </div>
                          {canWrite && (
                            <div className="space-x-2">
                              <Button
                                size="sm"
                                variant="ghost"
                                onClick={() => setReq({ party: p, requirement: r })}
                              >
                                Edit
                              </Button>
                              <Button
                                size="sm"
                                variant="ghost"
                                onClick={() => removeReq.mutate({ party: p, r })}
                              >
                                Remove
                              </Button>
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
            <CursorPager label="Interested party pages" pages={pages} page={page} busy={query.isFetching} />
          </>
        )}
      </QueryView>
      {editing && (
        <PartyDialog
          orgId={orgId}
          party={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {req && (
        <RequirementDialog
          orgId={orgId}
          party={req.party}
          requirement={req.requirement}
          onClose={() => setReq(null)}
        />
      )}
    </div>
  );
}
