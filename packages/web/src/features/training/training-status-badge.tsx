import { trainingStatusLabels, type TrainingStatus } from "@openaims/core";
import { Badge } from "../../components/badge";

const tone = { current: "green", expiring_soon: "amber", expired: "red", missing: "red" } as const;

/** A training status in its colour: current green, expiring soon amber, expired or missing red. */
export function TrainingStatusBadge({ status }: { status: TrainingStatus }) {
  return <Badge tone={tone[status]}>{trainingStatusLabels[status]}</Badge>;
}
