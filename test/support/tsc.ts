/** Typechecks one file with the project's TypeScript in strict mode: "" when it compiles, else tsc's output. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const TSC = join(root, "node_modules/typescript/bin/tsc");
const ARGS = ["--noEmit", "--strict", "--target", "ES2020", "--module", "ESNext", "--moduleResolution", "Bundler"];

export function typecheckFile(file: string): string {
  try {
    execFileSync(process.execPath, [TSC, ...ARGS, "--skipLibCheck", file], { encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}
