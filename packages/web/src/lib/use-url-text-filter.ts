import { useEffect, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * A text filter kept in the URL: what is typed reaches the URL (through `commit`, trimmed) once typing pauses for
 * `delayMs`, and a change of the URL from elsewhere (back button, a dashboard link) refills the box.
 */
export function useUrlTextFilter(
  urlValue: string | undefined,
  commit: (text: string) => void,
  delayMs = 300,
): [string, (text: string) => void] {
  const [text, setText] = useState(urlValue ?? "");
  const settled = useDebouncedValue(text, delayMs).trim();
  useEffect(() => {
    if ((urlValue ?? "") !== settled) commit(settled);
    // Only the typed text drives this; the URL is the source of truth for everything else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => {
    if ((urlValue ?? "") !== settled) setText(urlValue ?? "");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlValue]);
  return [text, setText];
}
