import { useState, type ReactNode } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "./button";
import { DialogActions } from "./dialog";
import { Alert } from "./states";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Button size="sm" onClick={copy}>
      {copied ? (
        <Check className="size-4" aria-hidden="true" />
      ) : (
        <Copy className="size-4" aria-hidden="true" />
      )}
      {copied ? "Copied" : label}
      <span className="sr-only" aria-live="polite">
        {copied ? " to clipboard" : ""}
      </span>
    </Button>
  );
}

/** A secret shown once: selectable text plus a copy button. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-900">{label}</p>
      <div className="flex items-center gap-2">
        <code
          className="block flex-1 overflow-x-auto rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900"
          data-testid="one-time-secret"
        >
          {value}
        </code>
        <CopyButton value={value} />
      </div>
    </div>
  );
}

/** What a create dialog shows once it has made something with a one-time secret. */
export function OneTimeSecretResult(props: {
  message: ReactNode;
  label: string;
  value: string;
  onDone: () => void;
}) {
  return (
    <div className="space-y-4">
      <Alert tone="success">{props.message}</Alert>
      <OneTimeSecret label={props.label} value={props.value} />
      <DialogActions>
        <Button variant="primary" onClick={props.onDone}>
          Done
        </Button>
      </DialogActions>
    </div>
  );
}
