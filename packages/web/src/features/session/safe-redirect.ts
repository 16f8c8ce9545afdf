/** Only same-site paths: a `redirect` parameter must never send the user to another origin. */
export function safeRedirect(target: string | undefined): string | null {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return null;
  if (target.startsWith("/sign-in")) return null;
  return target;
}
