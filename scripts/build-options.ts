/** esbuild options shared by the build and the benches that must measure what the build ships. */
import type { BuildOptions } from "esbuild";

/** The sidebar's client script: one minified ES2019 IIFE, inlined into build/Sidebar.html. */
export const SIDEBAR_SCRIPT_OPTIONS = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2019",
  write: false,
  minify: true,
  legalComments: "none",
  charset: "utf8",
} as const satisfies BuildOptions;
