// Starts the real console server as a child process on its own port and data directory.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { passwordAuthRequest } from "../contract/iam.ts";

const root = join(import.meta.dirname, "..");

export type ServerProcess = { child: ChildProcess; base: string; exited: Promise<number | null> };

export async function startServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      KPS_DATA_DIR: dataDir,
      KPS_DEMO: "1",
      // The figures here are about load, limits and durability, not issue 15's checks (which
      // have their own tests): exports need no reason, a session stays fresh, and sam signs in
      // with his password alone.
      KPS_EXPORT_REASON: "optional",
      KPS_EXPORT_FRESH_AUTH_S: "86400",
      KPS_DEMO_MFA: "0",
      ...env,
    },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, exited };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not become healthy");
}

export async function signIn(base: string, user = "alice", project = "cn-north-4") {
  const response = await fetch(`${base}/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(passwordAuthRequest("demo", user, "KpsDemo#2026", project)),
  });
  const token = response.headers.get("x-subject-token");
  if (response.status !== 201 || !token) throw new Error(`sign-in failed: ${response.status}`);
  const body = (await response.json()) as { token: { project: { id: string } } };
  return { token, projectId: body.token.project.id };
}
