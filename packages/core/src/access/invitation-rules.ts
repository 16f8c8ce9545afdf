import { invalidState } from "../shared/domain-error";

export const invitationStatuses = ["pending", "accepted", "revoked", "expired"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export interface InvitationState {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function invitationStatus(inv: InvitationState, now: Date): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** Only a pending invitation can be accepted; each other state gets a message that says what to do. */
export function decideAcceptInvitation(inv: InvitationState, now: Date): void {
  switch (invitationStatus(inv, now)) {
    case "accepted":
      throw invalidState("This invitation has already been used. Sign in instead.");
    case "revoked":
      throw invalidState("This invitation was withdrawn. Ask the organization for a new one.");
    case "expired":
      throw invalidState("This invitation has expired. Ask the organization to invite you again.");
    case "pending":
      return;
  }
}

/** Accepted invitations are history; revoking them (or revoking twice) would be a no-op that lies. */
export function decideRevokeInvitation(inv: InvitationState, now: Date): void {
  const status = invitationStatus(inv, now);
  if (status === "accepted") throw invalidState("This invitation has already been accepted.");
  if (status === "revoked") throw invalidState("This invitation is already revoked.");
}
