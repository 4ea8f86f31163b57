/**
 * Builds what `clasp push` uploads: build/Code.js (one plain ES2019 script: an IIFE under
 * the private global `ShopDoctor_`, then one top-level stub per public name carrying its
 * JSDoc and real parameter names), build/appsscript.json and build/Sidebar.html. The IIFE
 * holds what a custom function needs as code and the server half, packed, as the text of a
 * comment (see below).
 */
import { build, type BuildOptions, type Plugin } from "esbuild";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import type { FunctionSample, FunctionSpec, ParamSpec } from "../src/functions/registry";
import { SIDEBAR_SCRIPT_OPTIONS } from "./build-options";
import { renderStubs } from "./stubs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build");

/** The private global the bundle lives under; names ending in `_` are hidden from google.script.run. */
export const BUNDLE_GLOBAL = "ShopDoctor_";
/** The name the server half's value has inside the function that evaluates it (never a global). */
const SERVER_VALUE = "server_";

const SHARED = {
  bundle: true,
  format: "iife",
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2019",
  write: false,
  // Every message keeps its words (string literals are never touched).
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
} as const satisfies BuildOptions;

/**
 * The server half (src/gas/server.ts: the sidebar's API, the engine, the catalogues) as one
 * ES2019 IIFE whose value is the module's exports; tree-shaken, as a static import graph is.
 */
async function buildServerHalf(): Promise<string> {
  // Local names shortened too (≈ 30 KB less to carry on every custom-function call). Messages are
  // string literals and keep their words; the exported API keeps its names (they are properties).
  const result = await build({
    ...SHARED,
    minifyIdentifiers: true,
    entryPoints: [join(root, "src/gas/server.ts")],
    globalName: SERVER_VALUE,
  });
  return result.outputFiles[0].text.trim();
}

/** Stands for the server half in the loader until the bundle is written (see embedServerHalf). */
const PLACEHOLDER = "__SHOP_DOCTOR_SERVER_HALF__";

/**
 * The server half as it travels: gzipped (level 9), then base-64. A third of the text (the
 * catalogues' CJK is three bytes a character) and only base-64 letters, so no `*\/` can close
 * the comment that carries it.
 */
function packServerHalf(code: string): string {
  return gzipSync(Buffer.from(code, "utf8"), { level: 9 }).toString("base64");
}

/**
 * Replaces src/gas/load-server.ts with a loader that unpacks and evaluates the server half on its
 * first call. Apps Script evaluates build/Code.js on every custom-function call; if the server
 * half were code there, V8 would pre-parse all of it each time (and even a string literal costs
 * a copy). So the server half travels, packed, as the text of a comment inside a function, which
 * V8 only skips over; the loader reads it back with Function.prototype.toString (the exact source
 * text), unpacks it with Apps Script's own Utilities (base64Decode, ungzip: native, no decoder
 * shipped) and compiles it once, with a sourceURL so stack traces name it.
 */
function loaderOfServerHalf(): Plugin {
  return {
    name: "server-half-loader",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]gas[\\/]load-server\.ts$/ }, () => ({
        loader: "js",
        contents: [
          `function serverHalfText() { return "${PLACEHOLDER}"; }`,
          "export function loadServer() {",
          "  const text = String(serverHalfText);",
          '  const packed = text.slice(text.indexOf("/*") + 2, text.lastIndexOf("*/"));',
          '  const zipped = Utilities.newBlob(Utilities.base64Decode(packed), "application/x-gzip");',
          '  const code = Utilities.ungzip(zipped).getDataAsString("UTF-8");',
          `  return new Function(code + "\\nreturn ${SERVER_VALUE};\\n//# sourceURL=ShopDoctor-server.js")();`,
          "}",
        ].join("\n"),
      }));
    },
  };
}

/** Puts the packed server half, as a comment, where the loader's placeholder is. */
function embedServerHalf(bundle: string, packed: string): string {
  const placeholder = `return"${PLACEHOLDER}"`;
  const at = bundle.indexOf(placeholder);
  if (at < 0 || bundle.indexOf(placeholder, at + 1) >= 0)
    throw new Error(`build: expected one ${placeholder} in the bundle`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(packed)) throw new Error("build: the packed server half is not base-64");
  return bundle.slice(0, at) + "/*" + packed + "*/" + bundle.slice(at + placeholder.length);
}

/**
 * Fields of the custom-function registry that only the stubs' JSDoc, docs/FUNCTIONS.md and the
 * tests read (all three from src/, under Node). The IIFE runs on every custom-function call, so it
 * carries each function's name, parameters' names and kinds and its implementation, not its docs.
 */
const DOC_ONLY_FIELDS = [
  "description",
  "formula",
  "returns",
  "example",
  "samples",
  "chinese",
  "type",
  "note",
] as const satisfies readonly (keyof FunctionSpec | keyof ParamSpec | keyof FunctionSample)[];

/** Drops the DOC_ONLY_FIELDS properties from every object literal of src/functions/registry.ts. */
function registryWithoutDocs(): Plugin {
  const drop = new Set<string>(DOC_ONLY_FIELDS);
  const isDocField = (p: ts.ObjectLiteralElementLike) =>
    ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && drop.has(p.name.text);
  const strip: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
    const visit = (node: ts.Node): ts.Node =>
      ts.isObjectLiteralExpression(node)
        ? ts.factory.updateObjectLiteralExpression(
            node,
            node.properties.filter((p) => !isDocField(p)).map((p) => ts.visitEachChild(p, visit, context)),
          )
        : ts.visitEachChild(node, visit, context);
    return ts.visitEachChild(file, visit, context);
  };
  return {
    name: "registry-without-docs",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]functions[\\/]registry\.ts$/ }, (args) => {
        const file = ts.createSourceFile(args.path, readFileSync(args.path, "utf8"), ts.ScriptTarget.ES2019, true);
        const stripped = ts.transform(file, [strip]).transformed[0];
        return { loader: "ts", contents: ts.createPrinter().printFile(stripped) };
      });
    },
  };
}

async function buildServer(): Promise<void> {
  const serverHalf = await buildServerHalf();
  const result = await build({
    ...SHARED,
    // Local names shortened here too: less to parse on every custom-function call.
    minifyIdentifiers: true,
    entryPoints: [join(root, "src/index.ts")],
    globalName: BUNDLE_GLOBAL,
    plugins: [loaderOfServerHalf(), registryWithoutDocs()],
  });
  const bundle = embedServerHalf(result.outputFiles[0].text, packServerHalf(serverHalf));
  const header = "// Shop Doctor (店铺医生) — generated by `npm run build`; edit src/, not this file.\n";
  writeAtomically(join(out, "Code.js"), header + bundle + "\n" + renderStubs(BUNDLE_GLOBAL));
}

async function buildSidebar(): Promise<void> {
  const dir = join(root, "src/sidebar");
  const template = join(dir, "index.html");
  if (!existsSync(template)) return;
  const js = await build({ ...SIDEBAR_SCRIPT_OPTIONS, entryPoints: [join(dir, "main.ts")], logLevel: "warning" });
  const css = existsSync(join(dir, "styles.css")) ? readFileSync(join(dir, "styles.css"), "utf8") : "";
  const script = js.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
  const html = readFileSync(template, "utf8")
    .replace("/*INLINE_CSS*/", () => css)
    .replace("/*INLINE_JS*/", () => script);
  writeAtomically(join(out, "Sidebar.html"), html);
}

/**
 * Writes a file atomically (temp file + rename) so a test or preview reading build/ while
 * another build runs never sees a missing or half-written file.
 */
function writeAtomically(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

const EXPECTED = new Set(["Code.js", "Sidebar.html", "appsscript.json"]);

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  writeAtomically(join(out, "appsscript.json"), readFileSync(join(root, "appsscript.json"), "utf8"));
  await Promise.all([buildServer(), buildSidebar()]);
  // clasp pushes everything in build/: remove what this build did not write (stale files)
  for (const name of readdirSync(out)) {
    if (!EXPECTED.has(name) && !name.endsWith(".tmp")) rmSync(join(out, name), { recursive: true, force: true });
  }
  console.log(
    "build: wrote build/Code.js, build/appsscript.json" +
      (existsSync(join(out, "Sidebar.html")) ? ", build/Sidebar.html" : ""),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
