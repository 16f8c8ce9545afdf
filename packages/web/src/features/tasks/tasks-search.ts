export type TasksTab = "mine" | "overdue" | "all";

/** `?tab=overdue|all`; "my tasks" is the default and has no parameter. */
export const parseTasksSearch = (s: Record<string, unknown>): { tab?: TasksTab } => ({
  tab: s.tab === "overdue" || s.tab === "all" ? s.tab : undefined,
});
