/**
 * The browser half of the local google.script.run bridge: a small script injected into
 * build/Sidebar.html (before the sidebar's own script) that stands in for the
 * `google.script.run` / `google.script.host` objects Apps Script provides inside a sidebar.
 * Each call is POSTed to the Node half (gas-bridge.ts), which runs it in the real build/Code.js.
 */
import { clientBundle } from "./bundle-client";
import type { ShimConfig } from "./client/shim-config";

/** Where the shim POSTs calls; the Node half answers here. */
export const BRIDGE_RUN_PATH = "/__gas/run";

export interface GasShimOptions {
  /** The server function names google.script.run exposes (top-level, not ending in `_`). */
  functions: string[];
  /** Extra latency per call, so a preview or test can see in-flight states. */
  delayMs?: number;
  /** The server's per-start token, sent with every call (the preview server refuses POSTs without it). */
  token?: string;
}

/**
 * The shim's source, as a self-contained ES2019 script: client/gas-shim.ts bundled, then run
 * with this server's function names. The bundle's exports live in a local variable of the
 * wrapping function, so the shim adds no global but `google`.
 */
export function gasShimScript(options: GasShimOptions): string {
  const config: ShimConfig = {
    functions: options.functions,
    delayMs: options.delayMs ?? 0,
    path: BRIDGE_RUN_PATH,
    token: options.token ?? "",
  };
  // `<` is escaped so a function name can never close the <script> element this lives in.
  const safeConfig = JSON.stringify(config).replace(/</g, "\\u003c");
  return `(function () {\n${clientBundle("gas-shim", "shim")}\nshim.installGasShim(${safeConfig});\n})();`;
}

/**
 * Puts `<script>shim</script>` at the start of <head> (or of the document), before any other
 * script; with a `nonce`, that script and every `<script>` of the built page carry it, so a
 * Content-Security-Policy allows these and no script that markup inserted later would bring.
 */
export function injectShim(html: string, shim: string, nonce?: string): string {
  const open = nonce ? `<script nonce="${nonce}">` : "<script>";
  if (nonce) html = html.replace(/<script(?=[\s>])/gi, `<script nonce="${nonce}"`);
  const tag = `${open}${shim.replace(/<\/script/gi, "<\\/script")}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
