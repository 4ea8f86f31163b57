/** What the server tells the gas shim (src/local/gas-shim.ts → client/gas-shim.ts); plain data, no DOM. */
export interface ShimConfig {
  /** The server function names google.script.run exposes. */
  functions: string[];
  /** Extra latency per call, so a preview or test can see in-flight states. */
  delayMs: number;
  /** Where calls are POSTed. */
  path: string;
  /** Sent as the x-shop-doctor-token header on every call (the preview server's per-start token); "" for none. */
  token: string;
}
