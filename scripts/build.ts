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
import { gunzipSync } from "node:zlib";
import ts from "typescript";
import { encodePacked, PACKED_ALPHABET } from "../src/gas/packed-text";
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
    plugins: [rulesWithoutDocs()],
  });
  return result.outputFiles[0].text.trim();
}

/**
 * Drops, from the rule files (src/engine/rules/*.ts) and the header vocabulary, the text only the
 * docs read (written by scripts/docs.ts under Node): each `defineRule({...})`'s `summary`, the
 * one-line meaning of each `fixed(…)` / `fromSetting(…)` threshold and each vocabulary field's
 * `about`, which become "". The engine runs the same; the bundle carries English no user sees less.
 */
const DOC_ARGUMENTS: Record<string, { index: number; arity: number }> = {
  fixed: { index: 2, arity: 3 },
  fromSetting: { index: 2, arity: 3 },
  // src/engine/recognize/vocabulary.ts: f(field, type, about, headers); `about` is for the docs.
  f: { index: 2, arity: 4 },
};

function rulesWithoutDocs(): Plugin {
  const strip: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const callee = node.expression.text;
        const docArg = DOC_ARGUMENTS[callee];
        if (docArg && node.arguments.length === docArg.arity) {
          const args = node.arguments.map((arg, i) =>
            i === docArg.index ? ts.factory.createStringLiteral("") : (ts.visitNode(arg, visit) as ts.Expression),
          );
          return ts.factory.updateCallExpression(node, node.expression, node.typeArguments, args);
        }
        const spec = node.arguments[0];
        if (callee === "defineRule" && spec && ts.isObjectLiteralExpression(spec)) {
          const kept = spec.properties.filter(
            (p) => !(ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "summary"),
          );
          const object = ts.factory.updateObjectLiteralExpression(spec, kept);
          return ts.visitEachChild(
            ts.factory.updateCallExpression(node, node.expression, node.typeArguments, [object]),
            visit,
            context,
          );
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(file, visit, context);
  };
  return {
    name: "rules-without-docs",
    setup(b) {
      const filter = /[\\/]src[\\/]engine[\\/](rules[\\/][^\\/]+|recognize[\\/]vocabulary)\.ts$/;
      b.onLoad({ filter }, (args) => {
        const file = ts.createSourceFile(args.path, readFileSync(args.path, "utf8"), ts.ScriptTarget.ES2019, true);
        const stripped = ts.transform(file, [strip]).transformed[0];
        return { loader: "ts", contents: ts.createPrinter().printFile(stripped) };
      });
    },
  };
}

/** Stands for the server half in the loader until the bundle is written (see embedServerHalf). */
const PLACEHOLDER = "__SHOP_DOCTOR_SERVER_HALF__";

/** Zopfli's iterations: 5 gives all but ≈ 50 bytes of what 30 give, in ≈ 3 s instead of ≈ 9 s. */
const ZOPFLI_ITERATIONS = 5;

/**
 * The server half as it travels: gzip (deflated by Zopfli, ≈ 6 % smaller than zlib's level 9, and
 * still standard gzip for Utilities.ungzip), then as packed text (src/gas/packed-text.ts: basE91
 * without `*`, ≈ 1.23 characters a byte against base-64's 1.33), so no `*\/` can close the
 * comment that carries it. Zopfli is a build-time package only; nothing of it ships.
 */
async function packServerHalf(code: string): Promise<string> {
  const { gzipAsync } = await import("@gfx/zopfli");
  const zipped = await gzipAsync(Buffer.from(code, "utf8"), { numiterations: ZOPFLI_ITERATIONS });
  if (!gunzipSync(zipped).equals(Buffer.from(code, "utf8"))) throw new Error("build: Zopfli's gzip does not unpack");
  return encodePacked(zipped);
}

/**
 * Replaces src/gas/load-server.ts with a loader that unpacks and evaluates the server half on its
 * first call. Apps Script evaluates build/Code.js on every custom-function call; if the server
 * half were code there, V8 would pre-parse all of it each time (and even a string literal costs
 * a copy). So the server half travels, packed, as the text of a comment inside a function, which
 * V8 only skips over; the loader reads it back with Function.prototype.toString (the exact source
 * text), turns the packed text into bytes (decodePacked, a few hundred bytes of code), gunzips
 * them with Apps Script's own Utilities (newBlob, ungzip: native) and compiles the result once,
 * with a sourceURL so stack traces name it.
 */
function loaderOfServerHalf(): Plugin {
  return {
    name: "server-half-loader",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]gas[\\/]load-server\.ts$/ }, (args) => ({
        loader: "js",
        resolveDir: dirname(args.path),
        contents: [
          'import { decodePacked } from "./packed-text";',
          `function serverHalfText() { return "${PLACEHOLDER}"; }`,
          "export function loadServer() {",
          "  const text = String(serverHalfText);",
          '  const packed = text.slice(text.indexOf("/*") + 2, text.lastIndexOf("*/"));',
          '  const zipped = Utilities.newBlob(decodePacked(packed), "application/x-gzip");',
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
  // Only the alphabet's characters, which has no `*`: nothing in it can close the comment.
  const alphabet = new Set(PACKED_ALPHABET);
  if ([...packed].some((c) => !alphabet.has(c))) throw new Error("build: the packed server half is not packed text");
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

/**
 * Replaces src/functions/load-registry.ts with a `require` of the registry: esbuild then wraps the
 * registry and the modules only it imports in initialisers run on the first custom-function call,
 * so evaluating build/Code.js (every execution: menu, sidebar and custom-function calls alike)
 * neither builds the registry's table nor parses its top-level code beyond a pre-parse.
 */
function registryOnFirstCall(): Plugin {
  return {
    name: "registry-on-first-call",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]functions[\\/]load-registry\.ts$/ }, (args) => ({
        loader: "js",
        resolveDir: dirname(args.path),
        contents: 'export function loadRegistry() {\n  return require("./registry");\n}',
      }));
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
    plugins: [loaderOfServerHalf(), registryOnFirstCall(), registryWithoutDocs()],
  });
  const bundle = embedServerHalf(result.outputFiles[0].text, await packServerHalf(serverHalf));
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
