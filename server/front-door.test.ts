// The README's promises, checked against the real server process: the curl session works as
// printed, and SIGTERM lets in-flight requests finish before the process exits cleanly.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordAuthRequest } from "../contract/iam.ts";

const root = join(import.meta.dirname, "..");
const port = 18_000 + (process.pid % 1000);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "kps-front-door-"));
let server: ChildProcess;
let exited: Promise<number | null>;

beforeAll(async () => {
  server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), KPS_DATA_DIR: dataDir, KPS_DEMO: "1" },
    stdio: "ignore",
  });
  exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not become healthy");
}, 60_000);

afterAll(() => {
  server.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the front door", () => {
  it("runs the README's curl session as printed", async () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const session = readme.split("### A session with curl")[1]?.match(/```sh\n([\s\S]*?)```/)?.[1];
    if (!session) throw new Error("the README has no curl session");
    // The session makes its own folder; TMPDIR points mktemp into one this test removes.
    const parent = mkdtempSync(join(tmpdir(), "kps-readme-"));
    const caller = mkdtempSync(join(tmpdir(), "kps-readme-cwd-"));
    try {
      const script = `${session.replace("http://127.0.0.1:8080", base).replace(/^unzip .*$/m, "")}\nprintf '\\n%s\\n' "$PWD"`;
      const output = execFileSync("bash", ["-euo", "pipefail", "-c", script], {
        cwd: caller,
        env: { ...process.env, TMPDIR: parent },
        stdio: "pipe",
        encoding: "utf8",
      });
      const work = output.trim().split("\n").at(-1) ?? "";
      expect(work.startsWith(parent)).toBe(true);
      // Nothing lands where the user ran it, and what it wrote only the user can read.
      expect(readdirSync(caller)).toEqual([]);
      for (const file of ["headers.txt", "token.json", "keypairs.zip"]) {
        expect(statSync(join(work, file)).mode & 0o077, file).toBe(0);
      }
      const zip = await JSZip.loadAsync(readFileSync(join(work, "keypairs.zip")));
      expect(Object.keys(zip.files).sort()).toEqual([
        "bastion-ed25519.pem",
        "ci-ecdsa-p256.pem",
        "web-01.pem",
      ]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
      rmSync(caller, { recursive: true, force: true });
    }
  });

  it("links only to files a clone has", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).not.toContain("../shared");
    const targets = [...readme.matchAll(/\]\(([^)#]+)\)/g)]
      .map((match) => match[1] ?? "")
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(targets).toContain("docs/kps-api.md");
    for (const target of targets) expect(existsSync(join(root, target)), target).toBe(true);
  });

  it("tells the sign-in page the demo accounts the terminal prints, and nothing more", async () => {
    const response = await fetch(`${base}/console/setup`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      demo: {
        account: "demo",
        users: ["alice", "bob", "sam"],
        password: "KpsDemo#2026",
        mfa: { user: "sam", secret: expect.stringMatching(/^[A-Z2-7]{32}$/) },
      },
      exportReason: "required",
      exportFreshAuthSeconds: 300,
      mode: "embedded",
    });
  });

  it("says which port is taken and how to choose another, without a stack trace", async () => {
    const otherData = mkdtempSync(join(tmpdir(), "kps-front-door-taken-"));
    try {
      const second = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        cwd: root,
        env: { ...process.env, PORT: String(port), KPS_DATA_DIR: otherData, KPS_DEMO: "0" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      second.stderr?.on("data", (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise((resolve) => second.once("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(otherData, { recursive: true, force: true });
    }
  }, 60_000);

  it("finishes in-flight requests on SIGTERM, then exits 0", async () => {
    // alice: sam has a virtual MFA device, and a code is good once.
    const body = JSON.stringify(passwordAuthRequest("demo", "alice", "KpsDemo#2026", "cn-north-4"));
    // Each on a new connection, fully sent before the signal: accepted requests. Sign-in hashes
    // with scrypt, so they are still being worked on when SIGTERM lands.
    const inFlight = Array.from({ length: 4 }, () => {
      let sent!: () => void;
      const written = new Promise<void>((resolve) => {
        sent = resolve;
      });
      const status = new Promise<number>((resolve, reject) => {
        const req = request(`${base}/v3/auth/tokens`, {
          method: "POST",
          agent: false,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        });
        req.on("response", (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(body, () => sent());
      });
      return { written, status };
    });
    await Promise.all(inFlight.map((r) => r.written));
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.kill("SIGTERM");
    expect(await Promise.all(inFlight.map((r) => r.status))).toEqual([201, 201, 201, 201]);
    expect(await exited).toBe(0);
  });
});
