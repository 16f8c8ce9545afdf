#!/usr/bin/env node
// The `aims` command: the sources are TypeScript, so register tsx before loading them.
import { register } from "tsx/esm/api";

register();
const { runProcess } = await import("../src/main.ts");
await runProcess();
