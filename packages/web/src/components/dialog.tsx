import type { ReactNode } from "react";
import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { Button } from "./button";
import { FormErrorAlert } from "./states";

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}

/** Radix keeps focus inside, closes on Escape and returns focus to the trigger. */
export function Dialog({ open, onOpenChange, title, description, children, wide }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <RadixDialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none ${wide ? "max-w-2xl" : "max-w-lg"}`}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-1 text-sm text-slate-700">
                  {description}
                </RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close
              className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              aria-label="Close"
            >
              <X className="size-5" aria-hidden="true" />
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export const DialogClose = RadixDialog.Close;

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex flex-wrap justify-end gap-2">{children}</div>;
}

/** Cancel and submit at the foot of a dialog's form; `busy` disables the submit button while the request runs. */
export function DialogFormActions({
  onCancel,
  submitLabel = "Save",
  busy,
  disabled,
}: {
  onCancel: () => void;
  submitLabel?: string;
  busy: boolean;
  disabled?: boolean;
}) {
  return (
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant="primary" busy={busy} disabled={disabled}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}

/**
 * A dialog that is one form: the mutation's error on top, the fields, then Cancel and submit. `onSubmit` starts
 * the save; closing (Escape, the X, Cancel) calls `onClose`.
 */
export function FormDialog({
  title,
  wide,
  mutation,
  onSubmit,
  onClose,
  submitLabel,
  children,
}: {
  title: string;
  wide?: boolean;
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  onSubmit: () => void;
  onClose: () => void;
  submitLabel?: string;
  children: ReactNode;
}) {
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title} wide={wide}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <FormErrorAlert mutation={mutation} />
        {children}
        <DialogFormActions onCancel={onClose} busy={mutation.isPending} submitLabel={submitLabel} />
      </form>
    </Dialog>
  );
}

/** What a dialog of an organization's page takes from the page that opens it. */
export interface OrgDialogProps {
  orgId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}
