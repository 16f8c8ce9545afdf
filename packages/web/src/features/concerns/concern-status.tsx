import { concernStatusLabels, type ConcernStatus } from "@openaims/core";
import { Badge } from "../../components/badge";

const tone: Record<ConcernStatus, "neutral" | "blue" | "green" | "amber"> = {
  received: "amber",
  investigating: "blue",
  resolved: "green",
  dismissed: "neutral",
};

export function ConcernStatusBadge({ status }: { status: ConcernStatus }) {
  return <Badge tone={tone[status]}>{concernStatusLabels[status]}</Badge>;
}
