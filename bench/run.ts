/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each prints figures as ratios against
 * a baseline measured in the same run, and its targets; a missed target's line says MISSED.
 * `npm run bench -- --check` exits 1 when any target was missed (names filter the files:
 * `npm run bench -- gas --check`).
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { missedTargets } from "./util";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const only = args.filter((a) => !a.startsWith("--"));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> | void };
  await mod.default();
}

const missed = missedTargets();
console.log(
  missed.length === 0
    ? "\nbench: every target met"
    : `\nbench: ${missed.length} target(s) MISSED:\n${missed.map((m) => `  - ${m}`).join("\n")}`,
);
if (check && missed.length > 0) process.exitCode = 1;
