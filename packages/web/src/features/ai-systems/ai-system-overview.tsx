import type { ReactNode } from "react";
import type { AiSystemView } from "../../api";
import { formatDateTime } from "../../lib/format";
import { aiRoleLabel, aiSystemFieldLabels as L, aiTypeLabel, lifecycleLabel } from "./ai-system-fields";

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{children}</dd>
    </div>
  );
}

const orDash = (s: string | null | undefined) => (s && s.trim() ? s : "—");

function Chips({ items, labelOf = (x: string) => x }: { items: string[]; labelOf?: (x: string) => string }) {
  if (items.length === 0) return <>—</>;
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((x) => (
        <li key={x} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
          {labelOf(x)}
        </li>
      ))}
    </ul>
  );
}

export function AiSystemOverview({ system: s }: { system: AiSystemView }) {
  return (
    <dl className="grid max-w-4xl gap-x-8 gap-y-5 sm:grid-cols-2">
      <Item label={L.purpose} wide>
        {orDash(s.purpose)}
      </Item>
      <Item label={L.description} wide>
        {orDash(s.description)}
      </Item>
      <Item label={L.ownerId}>{orDash(s.ownerName)}</Item>
      <Item label={L.businessUnit}>{orDash(s.businessUnit)}</Item>
      <Item label={L.lifecycleStage}>{lifecycleLabel(s.lifecycleStage)}</Item>
      <Item label={L.aiType}>{aiTypeLabel(s.aiType)}</Item>
      <Item label={L.aiRoles} wide>
        <Chips items={s.aiRoles} labelOf={aiRoleLabel} />
      </Item>
      <Item label={L.deploymentContext} wide>
        {orDash(s.deploymentContext)}
      </Item>
      <Item label={L.geographies}>
        <Chips items={s.geographies} />
      </Item>
      <Item label={L.affectedStakeholders}>
        <Chips items={s.affectedStakeholders} />
      </Item>
      <Item label={L.humanOversight} wide>
        {orDash(s.humanOversight)}
      </Item>
      <Item label={L.tags} wide>
        <Chips items={s.tags} />
      </Item>
      <Item label="Registered">{formatDateTime(s.createdAt)}</Item>
      <Item label="Last updated">
        {formatDateTime(s.updatedAt)} (version {s.version})
      </Item>
      {s.archivedAt && <Item label="Archived">{formatDateTime(s.archivedAt)}</Item>}
    </dl>
  );
}
