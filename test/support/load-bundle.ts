/**
 * Loads the real build/Code.js into a fresh V8 realm (node:vm) with no Node globals:
 * no require, module, process, Buffer. Only the Apps Script globals a test passes in exist.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const BUNDLE_PATH = join(__dirname, "..", "..", "build", "Code.js");

export function readBundle(): string {
  return readFileSync(BUNDLE_PATH, "utf8");
}

/** A vm context holding the bundle's globals, plus the fakes given in `globals`. */
export type BundleContext = vm.Context & Record<string, unknown>;

export function loadBundle(globals: Record<string, unknown> = {}, source = readBundle()): BundleContext {
  const context = vm.createContext({ ...globals }) as BundleContext;
  vm.runInContext(source, context, { filename: "Code.js" });
  return context;
}
