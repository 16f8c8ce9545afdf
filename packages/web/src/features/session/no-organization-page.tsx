import { AuthLayout } from "./auth-layout";
import { SignOutButton } from "./sign-out-button";

export function NoOrganizationPage() {
  return (
    <AuthLayout title="No organization yet">
      <p className="mb-6 text-sm text-slate-700">
        Your account is not an active member of any organization. Ask an administrator to invite you, then
        open the link from the invitation.
      </p>
      <SignOutButton />
    </AuthLayout>
  );
}
