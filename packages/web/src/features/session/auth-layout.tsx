import type { ReactNode } from "react";
import { ShieldCheck } from "lucide-react";
import { useDocumentTitle } from "../../components/page-header";

/** The frame for pages shown before there is a session: sign-in, accepting an invitation. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12">
      <main id="main" className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-2 text-slate-900">
          <ShieldCheck className="size-6 text-blue-700" aria-hidden="true" />
          <span className="text-sm font-semibold tracking-wide">OpenAIMS</span>
        </div>
        <h1 className="mb-6 text-xl font-semibold text-slate-900">{title}</h1>
        {children}
      </main>
    </div>
  );
}
