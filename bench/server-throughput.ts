// Server throughput with autocannon on loopback: each KPS route against a bare route of the
// same framework answering as many bytes, and the export routes against an audited-insert
// baseline. Every figure is the median of repeated runs, measured in this same run.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import { passwordAuthRequest } from "../contract/iam.ts";
import { DEMO_EXPORTABLE_TEN } from "../server/seed/demo-seed.ts";
import { signIn, startServer } from "../verify/server-process.ts";
import { median } from "./stats.ts";

export type ThroughputRow = {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  bareRps: number;
  auditedRps: number | null;
};

type Target = {
  route: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
  audited?: boolean;
};

async function measure(url: string, target: Omit<Target, "route" | "path">, seconds: number) {
  const result = await autocannon({
    url,
    method: target.method,
    body: target.body,
    headers: target.headers,
    connections: 16,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

export async function serverThroughput(
  dataDir: string,
  port: number,
  seconds = 3,
  repeats = 3,
): Promise<ThroughputRow[]> {
  const server = await startServer(dataDir, port, { KPS_EXPORT_RATE_LIMIT: "100000000" });
  let baseline: ChildProcess | undefined;
  try {
    const { token, projectId } = await signIn(server.base);
    const headers = { "x-auth-token": token, "content-type": "application/json" };
    const signInBody = JSON.stringify(
      passwordAuthRequest("demo", "sam", "KpsDemo#2026", "cn-north-4"),
    );
    const targets: Target[] = [
      {
        route: "list (limit 1000)",
        method: "GET",
        path: `/v3/${projectId}/keypairs?limit=1000`,
        headers,
      },
      { route: "detail", method: "GET", path: `/v3/${projectId}/keypairs/web-01`, headers },
      {
        route: "single export",
        method: "POST",
        path: `/v3/${projectId}/keypairs/private-key/export`,
        headers,
        body: JSON.stringify({ keypair: { name: "web-01" } }),
        audited: true,
      },
      {
        route: "batch export (10 keys)",
        method: "POST",
        path: `/v3/${projectId}/keypairs/private-key/batch-export`,
        headers,
        body: JSON.stringify(DEMO_EXPORTABLE_TEN.map((name) => ({ keypair: { name } }))),
        audited: true,
      },
      {
        route: "token issue",
        method: "POST",
        path: "/v3/auth/tokens",
        headers: { "content-type": "application/json" },
        body: signInBody,
      },
    ];
    // Size each baseline to the real answer.
    const sizes: Record<string, number> = {};
    for (const [index, target] of targets.entries()) {
      const response = await fetch(server.base + target.path, {
        method: target.method,
        headers: target.headers,
        body: target.body,
      });
      sizes[`r${index}`] = (await response.arrayBuffer()).byteLength;
    }
    const baselinePort = port + 1;
    baseline = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "baseline-server.ts")],
      {
        env: { ...process.env, PORT: String(baselinePort), BASELINE_SIZES: JSON.stringify(sizes) },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise((resolve) => baseline?.stdout?.once("data", resolve));
    const baseUrl = `http://127.0.0.1:${baselinePort}`;

    const rows: ThroughputRow[] = [];
    for (const [index, target] of targets.entries()) {
      const runs = {
        real: [] as Awaited<ReturnType<typeof measure>>[],
        bare: [] as number[],
        audited: [] as number[],
      };
      // Interleave real and baseline runs so machine noise hits both alike.
      for (let r = 0; r < repeats; r += 1) {
        runs.real.push(await measure(server.base + target.path, target, seconds));
        runs.bare.push((await measure(`${baseUrl}/bare/r${index}`, target, seconds)).rps);
        if (target.audited)
          runs.audited.push((await measure(`${baseUrl}/audited/r${index}`, target, seconds)).rps);
      }
      rows.push({
        route: target.route,
        rps: median(runs.real.map((m) => m.rps)),
        p50: median(runs.real.map((m) => m.p50)),
        p99: median(runs.real.map((m) => m.p99)),
        non2xx: runs.real.reduce((sum, m) => sum + m.non2xx, 0),
        bareRps: median(runs.bare),
        auditedRps: target.audited ? median(runs.audited) : null,
      });
    }
    return rows;
  } finally {
    baseline?.kill("SIGKILL");
    server.child.kill("SIGKILL");
  }
}
