import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { formatOf, tableRows, type TableFormat, type TableRows } from "@openaims/app";

export { formatOf, type TableFormat };

/** `--file -`: the rows come from standard input (a pipeline), not from a file. */
export const STDIN = "-";

export interface TableSource extends TableRows {
  /** Size in bytes (for a progress bar); null when reading standard input. */
  size: number | null;
  /** Stops reading (after an error); safe to call twice. */
  close(): void;
}

/**
 * Opens a CSV or JSON Lines file (or standard input, for `-`) as a stream of rows, hashing the bytes as they are
 * read. The parsing itself is app's `tableRows`, the same the server runs on an upload.
 */
export async function openTable(
  path: string,
  options: { format: TableFormat; delimiter?: string; stdin?: () => AsyncIterable<Uint8Array> },
): Promise<TableSource> {
  if (options.stdin) {
    const table = tableRows(options.stdin(), options);
    return { ...table, size: null, close: () => undefined };
  }
  const { size } = await stat(path);
  const input = createReadStream(path, { highWaterMark: 1 << 16 });
  const table = tableRows(input, options);
  return { ...table, size, close: () => input.destroy() };
}
