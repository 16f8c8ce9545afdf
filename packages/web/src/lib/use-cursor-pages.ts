import { useCallback, useState } from "react";

/**
 * Cursor pagination keeps a stack of the cursors that led to the current page, so
 * "Previous" can go back without the server supporting backwards cursors.
 * Pass a `resetKey` that changes with the filters: a new filter starts at page one.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: (string | undefined)[] }>({
    key: resetKey,
    stack: [undefined],
  });
  const stack = state.key === resetKey ? state.stack : [undefined];
  const cursor = stack[stack.length - 1];

  const next = useCallback(
    (nextCursor: string | null | undefined) => {
      if (!nextCursor) return;
      setState({ key: resetKey, stack: [...stack, nextCursor] });
    },
    [resetKey, stack],
  );
  const previous = useCallback(() => {
    if (stack.length <= 1) return;
    setState({ key: resetKey, stack: stack.slice(0, -1) });
  }, [resetKey, stack]);

  return { cursor, pageNumber: stack.length, hasPrevious: stack.length > 1, next, previous };
}
