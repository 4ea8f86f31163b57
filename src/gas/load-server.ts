/**
 * Loads the server half of the add-on (menu actions, the sidebar's API, the engine and the
 * catalogues) on its first call. Under Node (tests, the local preview) this is an ordinary
 * module import. The Apps Script build (scripts/build.ts) replaces this file: there the server
 * half is compiled separately and embedded in build/Code.js as one string, evaluated here on
 * first use, so a custom-function call only scans that string instead of parsing its code.
 */
export type ServerModule = typeof import("./server");

export function loadServer(): ServerModule {
  return require("./server") as ServerModule;
}
