/**
 * The layering DESIGN.md promises: the engine is pure (no Apps Script, no Node), src/local/
 * never reaches the Apps Script bundle, and the bundle never carries test-only code.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { readBundle } from "../support/load-bundle";

const ROOT = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const APPS_SCRIPT_GLOBALS =
  /\b(SpreadsheetApp|LockService|PropertiesService|HtmlService|CacheService|Utilities|Session|ScriptApp|UrlFetchApp|DriveApp)\./;
const NODE_GLOBALS = /\b(process|Buffer|require|__dirname|__filename)\b\s*[.(]/;

describe("engine purity", () => {
  const files = sourceFiles(join(ROOT, "src", "engine"));

  it("finds the engine's sources", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))("%s imports only engine modules and zod", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const imports = [...text.matchAll(/^(?:import|export)\b[^'"]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec === "zod" || spec.startsWith("."), `${_name} imports ${spec}`).toBe(true);
      if (spec.startsWith(".")) {
        const target = join(file, "..", spec);
        expect(
          relative(join(ROOT, "src", "engine"), target).startsWith(".."),
          `${_name} reaches outside src/engine via ${spec}`,
        ).toBe(false);
      }
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(APPS_SCRIPT_GLOBALS.test(code), `${_name} uses an Apps Script service`).toBe(false);
    expect(NODE_GLOBALS.test(code), `${_name} uses a Node global`).toBe(false);
  });
});

describe("what ships to Apps Script", () => {
  it("build/Code.js carries no local-only or test-only code", () => {
    const bundle = readBundle();
    for (const marker of ["src/local/", "hyperformula", "playwright", "fast-formula-parser", "node:"]) {
      expect(bundle.includes(marker), `bundle contains ${marker}`).toBe(false);
    }
  });
});
