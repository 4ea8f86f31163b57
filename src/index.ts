/**
 * The bundle entry. Exposes exactly what the top-level stubs in build/Code.js call:
 * `customFunction(name)` (from the registry) and `server` (menu + sidebar API from src/gas).
 *
 * Apps Script evaluates the whole file on every execution, including each custom-function
 * call, so only cheap modules are imported at the top. The registry's table is built on the
 * first custom-function call (src/functions/load-registry.ts). The server half (sidebar API, engine,
 * catalogues) is reached through `lazily(loadServer, …)`: in build/Code.js it ships packed, as
 * comment text that is unpacked and evaluated on the first server call (see src/gas/load-server.ts).
 */
import { loadRegistry } from "./functions/load-registry";
import { loadServer } from "./gas/load-server";
import { onInstall, onOpen } from "./gas/menu";

type AnyFunction = (...args: never[]) => unknown;

type CustomFunctionImpl = (...args: unknown[]) => unknown;
let byName: Record<string, CustomFunctionImpl> | undefined;

/**
 * The implementation of a custom function, as the generated `function PAY_CONVERSION(…)` stubs
 * call it: `ShopDoctor_.customFunction("PAY_CONVERSION")(paid_buyers, visitors)`. The registry
 * loads on the first call.
 */
export function customFunction(name: string): CustomFunctionImpl {
  if (byName === undefined) {
    const table: Record<string, CustomFunctionImpl> = {};
    for (const fn of loadRegistry().CUSTOM_FUNCTIONS) table[fn.name] = fn.impl;
    byName = table;
  }
  const impl = byName[name];
  if (impl === undefined) throw new Error(`Shop Doctor has no custom function ${name}`);
  return impl;
}

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
