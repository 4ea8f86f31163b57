/**
 * scripts/setup.sh installs CJK fonts whenever fontconfig knows none (not only together with
 * Chromium), and `npm run deploy` without a clasp login says to run `npx clasp login`.
 * Both run the real scripts with stand-in commands on PATH (no apt, no network).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "shop-doctor-scripts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of stand-in commands: each writes its name and arguments to `log`, then runs `body`. */
function standIns(name: string, commands: Record<string, string>): { path: string; log: string } {
  const bin = mkdtempSync(join(dir, `${name}-`));
  const log = join(bin, "calls.log");
  writeFileSync(log, "");
  for (const [command, body] of Object.entries(commands)) {
    const file = join(bin, command);
    writeFileSync(file, `#!/usr/bin/env bash\necho "${command} $*" >> "${log}"\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return { path: bin, log };
}

describe("scripts/setup.sh --browser", () => {
  it("installs CJK fonts when Chromium is present but no CJK font is", () => {
    const fake = standIns("fonts", {
      "fc-list": "exit 0", // fontconfig answers, with no font for :lang=zh
      id: "echo 0",
      "apt-get": "exit 0",
    });
    const chromium = join(fake.path, "chromium");
    writeFileSync(chromium, "#!/bin/sh\n");
    chmodSync(chromium, 0o755);
    const result = spawnSync("bash", [join(ROOT, "scripts", "setup.sh"), "--browser"], {
      cwd: ROOT,
      env: { PATH: `${fake.path}:${process.env.PATH}`, CHROMIUM_PATH: chromium, HOME: dir },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const calls = readFileSync(fake.log, "utf8");
    expect(calls).toMatch(/^apt-get install .*fonts-noto-cjk/m);
    expect(calls).not.toMatch(/^apt-get install .*\bchromium\b/m);
  });

  it("installs nothing when Chromium and a CJK font are both there", () => {
    const fake = standIns("none", { "fc-list": 'echo "Noto Sans CJK SC"', id: "echo 0", "apt-get": "exit 0" });
    const result = spawnSync("bash", [join(ROOT, "scripts", "setup.sh"), "--browser"], {
      cwd: ROOT,
      env: { PATH: `${fake.path}:${process.env.PATH}`, CHROMIUM_PATH: "/bin/sh", HOME: dir },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(readFileSync(fake.log, "utf8")).not.toContain("apt-get");
  });
});

describe("npm run deploy without a clasp login", () => {
  it('says to run npx clasp login (clasp alone only says "No credentials found.")', () => {
    const project = join(dir, "clasp-project");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(
      join(project, ".clasp.json"),
      JSON.stringify({ scriptId: "1AbCdEfGhIjKlMnOpQrStUvWxYz", rootDir: join(ROOT, "build") }),
    );
    const home = mkdtempSync(join(dir, "home-"));
    const result = spawnSync("bash", [join(ROOT, "scripts", "deploy.sh")], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        clasp_config_project: project,
        HTTPS_PROXY: "http://127.0.0.1:9",
      },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Run `npx clasp login`");
  });
});
