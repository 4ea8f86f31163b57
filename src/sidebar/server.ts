/**
 * The sidebar's only way to reach the server: a typed promise wrapper over google.script.run.
 * Names, arguments and results are checked against ServerApi (src/gas/api.ts).
 */
import type { ServerApi } from "../gas/api";

export type ServerFunction = keyof ServerApi;

/** Longer than Apps Script's 6-minute execution limit, so only a call that can never answer trips it. */
const NO_ANSWER_MS = 400_000;

/** A failure google.script.run reported (a thrown server error, a network or auth problem). */
export class ServerCallError extends Error {
  constructor(
    readonly functionName: ServerFunction,
    message: string,
    readonly kind: "failure" | "unavailable" | "no-answer",
  ) {
    super(message);
    this.name = "ServerCallError";
  }
}

type Runner = Record<string, ((...args: unknown[]) => void) | undefined>;

/** Calls the server function `name` and resolves with its result; rejects with ServerCallError. */
export function run<K extends ServerFunction>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const script = typeof google === "undefined" ? undefined : google.script;
    if (!script || !script.run) {
      reject(
        new ServerCallError(
          name,
          "google.script.run is not available: open this panel from the spreadsheet's menu",
          "unavailable",
        ),
      );
      return;
    }
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new ServerCallError(name, `${name} did not answer within ${NO_ANSWER_MS / 60_000} minutes`, "no-answer"));
    }, NO_ANSWER_MS);
    const runner = script.run
      .withSuccessHandler((value: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value as ReturnType<ServerApi[K]>);
      })
      .withFailureHandler((error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const message = error && typeof error.message === "string" ? error.message : String(error);
        reject(new ServerCallError(name, message, "failure"));
      }) as unknown as Runner;
    const fn = runner[name];
    if (typeof fn !== "function") {
      settled = true;
      clearTimeout(timer);
      reject(new ServerCallError(name, `the server has no function ${name}; redeploy the add-on`, "unavailable"));
      return;
    }
    fn.apply(runner, args);
  });
}
