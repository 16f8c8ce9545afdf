import { can } from "../access/actor";
import { definePolicy } from "../access/policy";

/** Readiness is computed from records every AIMS reader may see, so reading it needs only `aims.read`. */
export const readinessPolicy = definePolicy<Record<string, never>>()("readiness", {
  read: (a) => can(a, "aims.read"),
});
