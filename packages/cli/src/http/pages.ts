import type { Query } from "./api-client";
import type { Session } from "./session";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** One page, or with `all` every page by following `nextCursor`; the result looks like one page. */
export async function fetchPages<T>(
  session: Session,
  path: string,
  query: Query,
  all: boolean,
): Promise<Page<T>> {
  const url = await session.orgPath(path);
  const first = await session.client.json<Page<T>>("GET", url, { query });
  if (!all) return first;
  const items = [...first.items];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await session.client.json<Page<T>>("GET", url, { query: { ...query, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return { items, nextCursor: null, ...(first.total !== undefined ? { total: first.total } : {}) };
}
