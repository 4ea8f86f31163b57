/**
 * Browser half of the local google.script.run bridge (bundled by ../bundle-client.ts, injected
 * by ../gas-shim.ts). It mirrors the real runner: chainable withSuccessHandler /
 * withFailureHandler / withUserObject that return a new runner, async calls, plain-data
 * arguments, a thrown server error arriving as an Error in the failure handler.
 */
import type { ShimConfig } from "./shim-config";

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { message: string; name?: string };
}

type Handler = ((value: unknown, userObject: unknown) => void) | null;
type Runner = Record<string, unknown>;

function toPlain(value: unknown): unknown {
  // google.script.run sends plain data only; JSON is close (Dates are refused below).
  return JSON.parse(JSON.stringify(value === undefined ? null : value));
}

function hasDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (value && typeof value === "object") {
    for (const key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key) && hasDate((value as Record<string, unknown>)[key]))
        return true;
    }
  }
  return false;
}

function makeRunner(config: ShimConfig, success: Handler, failure: Handler, userObject: unknown): Runner {
  const runner: Runner = {
    withSuccessHandler: (fn: Handler) => makeRunner(config, fn, failure, userObject),
    withFailureHandler: (fn: Handler) => makeRunner(config, success, fn, userObject),
    withUserObject: (obj: unknown) => makeRunner(config, success, failure, obj),
  };
  for (const name of config.functions) {
    runner[name] = (...args: unknown[]) => {
      const fail = (error: Error) => {
        if (failure) failure(error, userObject);
        else
          setTimeout(() => {
            throw error;
          });
      };
      if (hasDate(args)) {
        fail(new Error(`google.script.run cannot send a Date to ${name}; send an ISO string instead`));
        return;
      }
      const body = JSON.stringify({ name, args: toPlain(args) });
      const started = Date.now();
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (config.token) headers["x-shop-doctor-token"] = config.token;
      fetch(config.path, { method: "POST", headers, body })
        .then((response) => response.json() as Promise<Answer>)
        .then((answer) => {
          const wait = Math.max(0, config.delayMs - (Date.now() - started));
          setTimeout(() => {
            if (answer.ok) {
              if (success) success(answer.value, userObject);
            } else {
              const error = new Error(answer.error?.message);
              error.name = answer.error?.name || "ScriptError";
              fail(error);
            }
          }, wait);
        })
        .catch((error: unknown) => {
          fail(new Error(`NetworkError: ${error instanceof Error ? error.message : String(error)}`));
        });
    };
  }
  return runner;
}

/** Puts google.script.run / google.script.host on `window`, as Apps Script does inside a sidebar. */
export function installGasShim(config: ShimConfig): void {
  const w = window as unknown as { google?: { script?: Record<string, unknown> } };
  const google = (w.google = w.google || {});
  google.script = google.script || {};
  google.script.run = makeRunner(config, null, null, undefined);
  google.script.host = {
    origin: location.origin,
    close: () => document.body.setAttribute("data-host-closed", "true"),
    setHeight: () => {},
    setWidth: () => {},
    editor: { focus: () => {} },
  };
}
