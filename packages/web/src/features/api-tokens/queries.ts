export const apiTokenKeys = { all: (orgId: string) => ["orgs", orgId, "api-tokens"] as const };
