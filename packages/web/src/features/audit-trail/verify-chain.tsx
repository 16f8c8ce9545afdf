import { useMutation } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { auditEventsApi } from "../../api";
import { Button } from "../../components/button";
import { Alert, errorMessage } from "../../components/states";

/** Recomputes the hash chain on the server and reports the first entry that does not fit. */
export function VerifyChain({ orgId }: { orgId: string }) {
  const verify = useMutation({ mutationFn: () => auditEventsApi.verify(orgId) });
  const r = verify.data;
  return (
    <div className="mb-6 space-y-3">
      <Button onClick={() => verify.mutate()} busy={verify.isPending}>
        <ShieldCheck className="size-4" aria-hidden="true" />
        Verify chain
      </Button>
      {verify.isError && <Alert>{errorMessage(verify.error)}</Alert>}
      {r &&
        (r.ok ? (
          <Alert tone="success">
            <p className="font-medium">The audit trail is intact.</p>
            <p>
              Checked {r.checked} events; head is #{r.headSeq}{" "}
              <code className="font-mono text-xs break-all">{r.headHash}</code>.
            </p>
          </Alert>
        ) : (
          <Alert>
            <p className="font-medium">The audit trail is broken.</p>
            <p>
              Checked {r.checked} events; first broken entry: #{r.firstBrokenSeq ?? "unknown"}
              {r.reason ? ` (${r.reason})` : ""}.
            </p>
          </Alert>
        ))}
    </div>
  );
}
