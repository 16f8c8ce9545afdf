import { Link } from "@tanstack/react-router";
import { Badge } from "../../components/badge";
import { useModelVendors } from "./queries";
import { riskTone } from "./vendor-questionnaire";

/** The "Vendor" row of a model's details: the vendors linked to it as its suppliers, each linked to its page. */
export function ModelVendors({ orgId, modelId }: { orgId: string; modelId: string }) {
  const q = useModelVendors(orgId, modelId);
  const vendors = q.data?.items ?? [];
  return (
    <>
      <dt className="font-medium text-slate-700">Vendor</dt>
      <dd>
        {vendors.length === 0
          ? q.isPending
            ? "…"
            : "—"
          : vendors.map((v, i) => (
              <span key={v.id}>
                {i > 0 && ", "}
                <Link
                  to="/orgs/$orgId/vendors/$vendorId"
                  params={{ orgId, vendorId: v.id }}
                  className="text-blue-800 underline-offset-2 hover:underline"
                >
                  {v.name}
                </Link>
                {v.riskRating && (
                  <>
                    {" "}
                    <Badge tone={riskTone[v.riskRating]}>{v.riskRating}</Badge>
                  </>
                )}
                {v.archivedAt && (
                  <>
                    {" "}
                    <Badge>Archived</Badge>
                  </>
                )}
              </span>
            ))}
      </dd>
    </>
  );
}
