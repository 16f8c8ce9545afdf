/** Where the CLI reads and writes; tests pass their own to run the CLI in-process and capture everything. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** a terminal to draw progress bars on; absent when stderr is not a TTY (pipes, CI, tests) */
  progressStream?: NodeJS.WritableStream;
  /** reads all of standard input, for `--token -` and `--password -` */
  readStdin?: () => Promise<string>;
  /** standard input as a byte stream, for `aims measure … --file -` (never read whole) */
  stdinStream?: () => AsyncIterable<Uint8Array>;
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    stdinStream: () => process.stdin,
  };
}

/** `-` as a secret's value means: read it from standard input, so it stays out of shell history. */
export async function secretArg(io: Io, value: string): Promise<string> {
  if (value !== "-") return value;
  if (!io.readStdin) return "";
  return (await io.readStdin()).trim();
}
