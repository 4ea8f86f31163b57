/**
 * build/Sidebar.html as a file: one self-contained page (works behind any firewall) whose
 * script never turns data into HTML. Runs without a browser.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogues, messages } from "../../src/engine/i18n";
import * as en from "../../src/engine/i18n/en";
import * as zhCN from "../../src/engine/i18n/zh-CN";
import * as zhTW from "../../src/engine/i18n/zh-TW";
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

  /** Whether `text` is in the page as the bundler writes a string literal (raw, or with JSON escapes). */
  const ships = (text: string) => html.includes(text) || html.includes(JSON.stringify(text).slice(1, -1));
  const modules = [zhCN, zhTW, en];
  const sidebarTexts = modules.flatMap((m) => Object.values(m.sidebar) as string[]);

  it("ships the sidebar's strings in every language (the control for the test below)", () => {
    expect(sidebarTexts.length).toBeGreaterThan(150);
    for (const text of sidebarTexts) expect(ships(text), text).toBe(true);
  });

  it("ships none of the report's or the Settings sheet's strings (src/engine/i18n/sidebar.ts is all it carries)", () => {
    for (const title of ["店铺体检报告", "店鋪體檢報告", "Shop health report"]) expect(ships(title), title).toBe(false);
    // Every other string long enough to be unmistakable, unless the sidebar has the same words too.
    const others = modules
      .flatMap((m) => [...Object.values(m.report), ...Object.values(m.server)] as string[])
      .filter((text) => text.length >= 12 && !sidebarTexts.some((own) => own.includes(text)));
    expect(others.length).toBeGreaterThan(500);
    const shipped = others.filter(ships);
    expect(shipped).toEqual([]);
  });

  it("stays small: at most 60 KB (it was 137 KB while it carried every catalogue)", () => {
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
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
