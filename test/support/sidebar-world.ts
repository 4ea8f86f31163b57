/**
 * A "world" the sidebar tests drive: a spreadsheet with a server behind google.script.run,
 * plus the levers a test needs (another user holding the lock, a google.script.run failure,
 * reading what was saved, which sheet is active).
 *
 * The world itself is `bundleWorld` (sidebar-bundle-world.ts): the real build/Code.js over the
 * in-memory spreadsheet.
 */
import type { ServerApi } from "../../src/gas/api";
import type { GasServer } from "../../src/local/gas-bridge";
import type { Settings } from "../../src/engine/settings";

export type SheetValues = (string | number)[][];
export interface FixtureSheet {
  name: string;
  values: SheetValues;
}

export interface ShopWorld {
  server: GasServer;
  /** The tab the user is looking at. */
  activeSheet(): string;
  /** The user clicks another tab. */
  activate(sheet: string): void;
  /** A teammate deletes a tab. */
  deleteSheet(sheet: string): void;
  /** The settings as the server now stores them. */
  storedSettings(): Settings;
  /** Another teammate holds the document lock until the returned function is called. */
  holdDocumentLock(): () => void;
  /** The next call of `name` fails the way google.script.run reports a failure. */
  failNext(name: keyof ServerApi, message: string): void;
  /** Replaces (or adds) a data sheet. */
  setSheet(sheet: FixtureSheet): void;
  /** Types `value` into one cell of a sheet, as a teammate would. */
  typeInto(sheet: string, a1: string, value: string): void;
}

/** Wraps a server so a test can make one call fail as google.script.run would. */
export function withFailures(server: GasServer): { server: GasServer; failNext: ShopWorld["failNext"] } {
  const pending = new Map<string, string>();
  return {
    server: {
      functions: () => server.functions(),
      call(name, args) {
        const message = pending.get(name);
        if (message !== undefined) {
          pending.delete(name);
          throw new Error(message);
        }
        return server.call(name, args);
      },
    },
    failNext: (name, message) => void pending.set(name, message),
  };
}
