/**
 * The bundle entry. Exposes exactly what the top-level stubs in build/Code.js call:
 * `customFunctions` (from the registry) and `server` (menu + sidebar API from src/gas).
 *
 * Apps Script evaluates the whole file on every execution, including each custom-function
 * call, so only cheap modules are imported at the top. The server half (sidebar API, engine,
 * catalogues) is reached through `lazily(loadServer, …)`: in build/Code.js it ships packed, as
 * comment text that is unpacked and evaluated on the first server call (see src/gas/load-server.ts).
 */
import { CUSTOM_FUNCTIONS } from "./functions/registry";
import { loadServer } from "./gas/load-server";
import { onInstall, onOpen } from "./gas/menu";

type AnyFunction = (...args: never[]) => unknown;

/** Custom functions by name, called by the generated `function PAY_CONVERSION(…)` stubs. */
export const customFunctions: Record<string, (...args: unknown[]) => unknown> = {};
for (const fn of CUSTOM_FUNCTIONS) customFunctions[fn.name] = fn.impl;

/**
 * Functions of a module that is loaded only when one of them is first called.
 * Use as `...lazily(loadServer, ["diagnoseShop"])`.
 */
export function lazily<M, K extends keyof M & string>(load: () => M, names: readonly K[]): Pick<M, K> {
  let loaded: M | undefined;
  const out = {} as Pick<M, K>;
  for (const name of names) {
    const forward = (...args: unknown[]): unknown => {
      loaded = loaded ?? load();
      return (loaded[name] as unknown as (...a: unknown[]) => unknown)(...args);
    };
    (out as Record<string, unknown>)[name] = forward;
  }
  return out;
}

/** Server functions by name, called by the generated stubs (menu triggers, sidebar API). */
export const server: Record<string, AnyFunction> = {
  onOpen,
  onInstall,
  ...lazily(loadServer, [
    "showSidebar",
    "diagnoseShop",
    "getSettings",
    "saveSettings",
    "openReport",
    "createCostsTab",
    "createEventsTab",
  ]),
};
