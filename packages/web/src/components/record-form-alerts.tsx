import { isApiError } from "../api";
import type { FieldErrors } from "../lib/field-errors";
import { Button } from "./button";
import { Alert, errorMessage } from "./states";

/**
 * The alerts at the top of a record's full-page form: a stale `version` (409 conflict, with Reload), a pointer to
 * the field messages, a form-level (root) issue, and any other failure of the save.
 */
export function RecordFormAlerts({
  mutation,
  errors,
  record,
  onReload,
}: {
  mutation: { isError: boolean; error: unknown };
  errors: FieldErrors;
  /** how the conflict message names the record: "This AI system" */
  record: string;
  onReload?: (() => void) | undefined;
}) {
  const { error } = mutation;
  const conflict = isApiError(error) && error.code === "conflict";
  const otherError = mutation.isError && !conflict && !(isApiError(error) && error.issues.length > 0);
  return (
    <>
      {conflict && (
        <Alert>
          <p className="font-medium">
            {record} was changed by someone else — reload to see the latest version.
          </p>
          <p className="mt-1">
            Your changes are not saved. Reloading replaces them with the current version.
          </p>
          {onReload && (
            <Button size="sm" className="mt-2" onClick={onReload}>
              Reload
            </Button>
          )}
        </Alert>
      )}
      {Object.keys(errors).length > 0 && (
        <Alert>Some fields need attention; see the messages next to them.</Alert>
      )}
      {otherError && <Alert>{errorMessage(error)}</Alert>}
      {errors["(root)"] && <Alert>{errors["(root)"].join(" ")}</Alert>}
    </>
  );
}
