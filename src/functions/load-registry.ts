/**
 * The custom-function registry, for the bundle entry (src/index.ts). Under Node (tests, the local
 * preview) this is an ordinary import. The Apps Script build (scripts/build.ts) replaces this file
 * with a `require` of the registry, which esbuild turns into a module initialised on its first
 * use: the registry's table (and the parsers' tables it imports) is built on the first
 * custom-function call of an execution, not on every evaluation of build/Code.js (a menu or
 * sidebar call never needs it).
 */
import * as registry from "./registry";

export type RegistryModule = typeof registry;

export function loadRegistry(): RegistryModule {
  return registry;
}
