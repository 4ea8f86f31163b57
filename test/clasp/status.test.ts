/**
 * `clasp status --json` works offline and without a login (clasp 3 reads .clasp.json and
 * the rootDir only; the placeholder scriptId is enough), and would push exactly build/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const clasp = join(root, "node_modules", ".bin", "clasp");

describe("clasp status", () => {
  it("lists exactly the files in build/, with no login and no network", () => {
    const build = join(root, "build");
    if (!existsSync(join(build, "Code.js")))
      throw new Error("build/ is missing: run `npm run build` first (npm test does it).");
    const config = JSON.parse(readFileSync(join(root, ".clasp.json"), "utf8")) as {
      rootDir?: string;
      scriptId?: string;
    };
    expect(config.rootDir).toBe("build");

    // A fresh HOME: no ~/.clasprc.json, so clasp cannot be relying on saved credentials.
    const home = mkdtempSync(join(tmpdir(), "clasp-home-"));
    try {
      const out = execFileSync(clasp, ["status", "--json"], {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", HOME: home, NO_PROXY: "*", HTTPS_PROXY: "http://127.0.0.1:9" },
        encoding: "utf8",
        timeout: 80_000,
      });
      const status = JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
        filesToPush: string[];
        untrackedFiles: string[];
      };
      const expected = readdirSync(build).map((f) => `build/${f}`);
      expect([...status.filesToPush].sort()).toEqual([...expected].sort());
      expect(status.untrackedFiles).toEqual([]);
      expect(status.filesToPush).toContain("build/Code.js");
      expect(status.filesToPush).toContain("build/appsscript.json");
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
    // clasp starts in about a second, but on a busy CI machine it can take far longer.
  }, 90_000);
});
