import type { Option } from "../../components/form-controls";
import { useMemberDirectory } from "./queries";

/**
 * The choices for a record's owner: "No owner", the active members, and the current owner even when they are
 * deactivated (marked so) or missing from the directory (by the name the record carries).
 */
export function useOwnerOptions(
  orgId: string,
  ownerId: string,
  savedOwnerName: string | null | undefined,
  enabled = true,
): Option[] {
  const members = useMemberDirectory(orgId, enabled);
  const options: Option[] = [{ value: "", label: members.isPending ? "Loading members…" : "No owner" }];
  for (const m of members.data?.items ?? [])
    if (m.status === "active" || m.userId === ownerId)
      options.push({
        value: m.userId,
        label: `${m.name || m.email}${m.status === "active" ? "" : " (deactivated)"}`,
      });
  if (ownerId && !options.some((o) => o.value === ownerId))
    options.push({ value: ownerId, label: savedOwnerName ?? "Current owner" });
  return options;
}
