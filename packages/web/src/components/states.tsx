import type { ReactNode } from "react";
import { Link } from "@tanstack/react-router";
import { AlertTriangle, Loader2 } from "lucide-react";
import { isApiError } from "../api";

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-2 py-8 text-sm text-slate-700">
      <Loader2 className="size-4 animate-spin" aria-hidden="true" />
      {label}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "forbidden") return error.message || "Your role does not allow this.";
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const unauthenticated = isApiError(error) && error.status === 401;
  return (
    <div role="alert" className="my-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <div className="flex items-start gap-2">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        <div className="space-y-2">
          <p className="font-medium">
            {title ?? (unauthenticated ? "Your session has ended." : "Could not load this.")}
          </p>
          <p>{errorMessage(error)}</p>
          {unauthenticated ? (
            <Link to="/sign-in" className="font-medium underline">
              Sign in again
            </Link>
          ) : (
            onRetry && (
              <button type="button" onClick={onRetry} className="font-medium underline">
                Try again
              </button>
            )
          )}
        </div>
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children && <div className="mt-2 space-y-4 text-sm text-slate-700">{children}</div>}
    </div>
  );
}

export function Alert({
  tone = "error",
  children,
}: {
  tone?: "error" | "success" | "info";
  children: ReactNode;
}) {
  const tones = {
    error: "border-red-300 bg-red-50 text-red-900",
    success: "border-green-300 bg-green-50 text-green-900",
    info: "border-blue-300 bg-blue-50 text-blue-900",
  };
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border p-3 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}

/**
 * A failed form submission's error, unless the server sent field issues: those are
 * shown next to their fields instead.
 */
export function FormErrorAlert({ mutation }: { mutation: { isError: boolean; error: unknown } }) {
  const { isError, error } = mutation;
  if (!isError || (isApiError(error) && error.issues.length)) return null;
  return <Alert>{errorMessage(error)}</Alert>;
}
