// Figures for the limits of issue 10 against the real server process: lockout by another's
// failures, index.html latency under sign-in and create floods, audit rows from a flood.
import { join } from "node:path";
import Database from "better-sqlite3";
import { passwordAuthRequest } from "../contract/iam.ts";
import { DEMO } from "../server/seed/demo-seed.ts";
import { type ServerProcess, signIn, startServer } from "./server-process.ts";

const auth = (base: string, user: string, password: string, source: string) =>
  fetch(`${base}/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": source },
    body: JSON.stringify(passwordAuthRequest(DEMO.account, user, password, "cn-north-4")),
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

async function stop(server: ServerProcess) {
  server.child.kill("SIGTERM");
  await server.exited;
}

/** Users who cannot sign in at their office after another client there failed 56 times. */
export async function lockout(dataDir: string, port: number): Promise<number> {
  const server = await startServer(dataDir, port, { KPS_TRUSTED_PROXIES: "127.0.0.1" });
  try {
    const office = "198.51.100.7";
    for (const user of DEMO.users) await auth(server.base, user, DEMO.password, office);
    for (let i = 0; i < 6; i += 1) await auth(server.base, DEMO.users[0], `wrong-${i}`, office);
    for (let i = 0; i < 50; i += 1) await auth(server.base, `ghost-${i}`, "x", office);
    let locked = 0;
    for (const user of DEMO.users)
      if ((await auth(server.base, user, DEMO.password, office)) !== 201) locked += 1;
    return locked;
  } finally {
    await stop(server);
  }
}

async function p99(base: string, until: () => boolean, max = 400): Promise<number> {
  const times: number[] = [];
  while (times.length < max && until()) {
    const started = performance.now();
    await fetch(`${base}/`).then((r) => r.arrayBuffer());
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length * 0.99)] ?? 0);
}

/** index.html p99 (ms) with no load, then while 64 sign-in and 32 RSA-4096 create loops run. */
export async function pageUnderLoad(dataDir: string, port: number, seconds = 10) {
  const server = await startServer(dataDir, port, { KPS_CREATE_RATE_LIMIT: "1000000" });
  try {
    const baseline = await p99(server.base, () => true, 200);
    const { token, projectId } = await signIn(server.base);
    const deadline = Date.now() + seconds * 1000;
    const running = () => Date.now() < deadline;
    let refused = 0;
    const signInLoop = async () => {
      while (running()) {
        const status = await auth(server.base, "bob", DEMO.password, "127.0.0.1").catch(() => 0);
        if (status !== 201) refused += 1;
      }
    };
    const createLoop = async (id: number) => {
      for (let i = 0; running(); i += 1) {
        const r = await fetch(`${server.base}/v3/${projectId}/keypairs`, {
          method: "POST",
          headers: { "x-auth-token": token, "content-type": "application/json" },
          body: JSON.stringify({ keypair: { name: `load-${id}-${i}`, algorithm: "SSH_RSA_4096" } }),
        }).catch(() => null);
        await r?.arrayBuffer();
        if (!r?.ok) refused += 1;
      }
    };
    const loops = [
      ...Array.from({ length: 64 }, signInLoop),
      ...Array.from({ length: 32 }, (_, id) => createLoop(id)),
    ];
    await new Promise((resolve) => setTimeout(resolve, 500));
    const loaded = await p99(server.base, running);
    await Promise.all(loops);
    return { baseline, loaded, refused };
  } finally {
    await stop(server);
  }
}

/** Audit rows written by `seconds` of unauthenticated export attempts from one source. */
export async function auditFlood(dataDir: string, port: number, seconds = 10) {
  const server = await startServer(dataDir, port);
  let attempts = 0;
  try {
    const deadline = Date.now() + seconds * 1000;
    const client = async () => {
      while (Date.now() < deadline) {
        const r = await fetch(`${server.base}/v3/some-project/keypairs/private-key/export`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ keypair: { name: "web-01" } }),
        }).catch(() => null);
        await r?.arrayBuffer();
        attempts += 1;
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
  } finally {
    await stop(server);
  }
  const db = new Database(join(dataDir, "kps.sqlite"), { readonly: true });
  const { rows, counted } = db
    .prepare("SELECT count(*) AS rows, coalesce(sum(attempts), 0) AS counted FROM audit")
    .get() as { rows: number; counted: number };
  db.close();
  return { attempts, rows, counted };
}
