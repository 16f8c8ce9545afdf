import type { ReactNode } from "react";
import { Link, useRouter } from "@tanstack/react-router";
import type { ReadinessArea } from "@openaims/core";
import { areaPages } from "./readiness-labels";

/** The first of `paths` that exists in this build's route tree, if any. */
export function useFirstPath(paths: readonly string[]): string | null {
  const router = useRouter();
  const known = router.routesByPath as Record<string, unknown>;
  return paths.find((p) => p in known) ?? null;
}

/** A link to the first existing page of `paths`; plain text when none exists (yet). */
export function FirstPageLink({
  orgId,
  paths,
  hash,
  className,
  children,
}: {
  orgId: string;
  paths: readonly string[];
  hash?: string;
  className?: string;
  children: ReactNode;
}) {
  const path = useFirstPath(paths);
  if (!path) return <span className={className}>{children}</span>;
  // The path was checked against the route tree above, so this cast cannot point at a missing page.
  return (
    <Link to={path as "/orgs/$orgId"} params={{ orgId }} hash={hash} className={className}>
      {children}
    </Link>
  );
}

/** A link to the page where a gap of `area` is fixed. */
export function AreaLink(props: {
  orgId: string;
  area: ReadinessArea;
  className?: string;
  children: ReactNode;
}) {
  const { area, ...rest } = props;
  return <FirstPageLink paths={areaPages[area].paths} {...rest} />;
}
