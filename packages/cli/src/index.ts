export { run } from "./main";
export { ExitCode, exitCodeHelp } from "./exit-codes";
export type { Io } from "./io";
