import { Link, type ErrorComponentProps } from "@tanstack/react-router";
import { ErrorState } from "../../components/states";

export function NotFoundPage() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-700">
        This page does not exist, or it belongs to an organization you are not a member of.
      </p>
      <Link to="/" className="mt-6 inline-block text-sm font-medium text-blue-800 underline">
        Go to your organization
      </Link>
    </main>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <ErrorState error={error} onRetry={reset} title="This page could not be shown." />
    </main>
  );
}
