#!/usr/bin/env node
// The `shop-doctor` command. It runs the TypeScript CLI (src/local/cli/main.ts) through tsx,
// so a fresh clone works right after `npm install`, with no separate build step.
import { register } from "tsx/esm/api";

register();
const { runCliAsync } = await import("../src/local/cli/main.ts");
let code;
try {
  code = await runCliAsync(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
} catch (error) {
  process.stderr.write(`shop-doctor: unexpected error: ${error && error.stack ? error.stack : error}\n`);
  code = 70;
}
process.exitCode = code;
