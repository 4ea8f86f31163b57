/**
 * Loads the server half of the add-on (menu actions, the sidebar's API, the engine and the
 * catalogues) on its first call. Under Node (tests, the local preview) this is an ordinary
 * module import. The Apps Script build (scripts/build.ts) replaces this file: there the server
 * half is compiled separately and embedded in build/Code.js gzipped and as packed text (basE91,
 * src/gas/packed-text.ts), in a comment; it is unpacked (decodePacked, Utilities.ungzip) and compiled here
 * on first use, so a custom-function call only skips over that comment instead of parsing code.
 */
export type ServerModule = typeof import("./server");

export function loadServer(): ServerModule {
  return require("./server") as ServerModule;
}
