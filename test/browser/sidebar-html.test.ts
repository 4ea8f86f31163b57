/**
 * build/Sidebar.html as a file: one self-contained page (works behind any firewall) whose
 * script never turns data into HTML. Runs without a browser.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogues, messages } from "../../src/engine/i18n";
import { LANGUAGES } from "../../src/engine/settings";
import { SIDEBAR_PATH } from "../support/browser";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe.skipIf(!existsSync(SIDEBAR_PATH))("build/Sidebar.html", () => {
  const html = existsSync(SIDEBAR_PATH) ? readFileSync(SIDEBAR_PATH, "utf8") : "";

  it("is one file with its script and styles inlined", () => {
    expect(html).not.toContain("/*INLINE_JS*/");
    expect(html).not.toContain("/*INLINE_CSS*/");
    expect(html).toMatch(/<style>[\s\S]*\.primary[\s\S]*<\/style>/);
    expect(html).toMatch(/<script>[\s\S]{1000,}<\/script>/);
  });

  it("loads nothing from the network: no external scripts, styles, fonts or images", () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/<img[^>]+src=/i);
  });

  it("has no `<?` that HtmlService templating would read as a scriptlet", () => {
    expect(html).not.toContain("<?");
  });
});

describe("sidebar source", () => {
  const dir = join(root, "src", "sidebar");
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(dir, f), "utf8"));

  it("never writes HTML from strings (sheet data goes in as text only)", () => {
    for (const source of sources) expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("has every sidebar string in all three languages, none empty", () => {
    const uiKeys = Object.keys(messages).filter((k) => k.startsWith("ui."));
    expect(uiKeys.length).toBeGreaterThan(50);
    for (const key of uiKeys) {
      for (const language of LANGUAGES) {
        expect((catalogues[language] as Record<string, string>)[key], `${key} ${language}`).toMatch(/\S/);
      }
    }
  });
});
