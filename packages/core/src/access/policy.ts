import { DomainError } from "../shared/domain-error";
import type { Actor } from "./actor";

/** One rule: may this actor do this action on this object, now? */
export type PolicyRule<T> = (actor: Actor, subject: T) => boolean;
export type Policy<T, A extends string> = { readonly name: string; readonly rules: Record<A, PolicyRule<T>> };

export function definePolicy<T>() {
  return <A extends string>(name: string, rules: Record<A, PolicyRule<T>>): Policy<T, A> => ({ name, rules });
}

export function allows<T, A extends string>(
  actor: Actor,
  policy: Policy<T, A>,
  action: A,
  subject: T,
): boolean {
  return policy.rules[action](actor, subject);
}

/** Throws `forbidden` unless the policy allows the action. */
export function authorize<T, A extends string>(
  actor: Actor,
  policy: Policy<T, A>,
  action: A,
  subject: T,
): void {
  if (!allows(actor, policy, action, subject)) {
    throw new DomainError("forbidden", `Your role does not allow ${action} on ${policy.name}.`);
  }
}

/** The `abilities` map that responses carry so the UI shows only what the policy allows. */
export function abilitiesOf<T, A extends string>(
  actor: Actor,
  policy: Policy<T, A>,
  subject: T,
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy.rules) as A[]) out[action] = policy.rules[action](actor, subject);
  return out;
}
