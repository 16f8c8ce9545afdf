import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "./states";

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  loadingLabel: string;
  /** When given and true for the loaded data, `empty` is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading, error (with retry), empty and loaded states of one query. */
export function QueryView<T>({ query, loadingLabel, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** Dims its content and marks it busy while a query with placeholder data refetches. */
export function RefetchingRegion({
  query,
  children,
}: {
  query: { isFetching: boolean; isPlaceholderData: boolean };
  children: ReactNode;
}) {
  return (
    <div className={query.isPlaceholderData ? "opacity-60" : undefined} aria-busy={query.isFetching}>
      {children}
    </div>
  );
}
