/**
 * Renders the top-level Apps Script stubs from the one registry of custom functions and the
 * list of server functions. esbuild drops comments, so the JSDoc Sheets reads for
 * autocomplete must live on these stubs.
 */
import { CUSTOM_FUNCTIONS } from "../src/functions/registry";
import { SERVER_FUNCTIONS } from "../src/gas/public";

function jsdoc(lines: string[]): string {
  return ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"].join("\n");
}

export function renderStubs(bundleGlobal: string): string {
  const parts: string[] = [];
  for (const fn of CUSTOM_FUNCTIONS) {
    const params = fn.params.map((p) => p.name);
    const doc = jsdoc([
      fn.description,
      "",
      ...fn.params.map(
        (p) => `@param {${p.type ?? "number|string|Array<Array<number|string>>"}} ${p.name} ${p.description}`,
      ),
      `@return ${fn.returns}`,
      `@example ${fn.example}`,
      "@customfunction",
    ]);
    parts.push(
      `${doc}\nfunction ${fn.name}(${params.join(", ")}) {\n  return ${bundleGlobal}.customFunction("${fn.name}")(${params.join(", ")});\n}`,
    );
  }
  for (const fn of SERVER_FUNCTIONS) {
    const doc = jsdoc([fn.description, ...fn.params.map((p) => `@param {${p.type}} ${p.name} ${p.description}`)]);
    parts.push(
      `${doc}\nfunction ${fn.name}(${fn.params.map((p) => p.name).join(", ")}) {\n  return ${bundleGlobal}.server.${fn.name}(${fn.params.map((p) => p.name).join(", ")});\n}`,
    );
  }
  return parts.join("\n\n") + "\n";
}
