/**
 * Bundles a browser script under src/local/client (TypeScript, type-checked with the DOM lib)
 * into one ES2019 IIFE with esbuild, the way the sidebar's script is built; cached per entry.
 */
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

const cache = new Map<string, string>();

/** The bundle of `src/local/client/<name>.ts`, its exports under the script-local `globalName`. */
export function clientBundle(name: string, globalName: string): string {
  const key = `${name}:${globalName}`;
  let text = cache.get(key);
  if (text === undefined) {
    const out = buildSync({
      entryPoints: [fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url))],
      bundle: true,
      format: "iife",
      globalName,
      platform: "browser",
      target: "es2019",
      write: false,
      legalComments: "none",
      charset: "utf8",
      logLevel: "silent",
    });
    text = out.outputFiles[0].text;
    cache.set(key, text);
  }
  return text;
}
