// The export history at 100,000 records (issue 15), against the real server process: how long
// the first page takes, and each filter query as a person typing in the filter box would send
// it (one request per keystroke), as medians and p95 over repeated runs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { signIn, startServer } from "../verify/server-process.ts";
import { median, percentile } from "./stats.ts";

export type HistoryRow = { query: string; requests: number; medianMs: number; p95Ms: number };

const RECORDS = 100_000;

async function sample(fn: () => Promise<Response>, repeats: number): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await (await fn()).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    const response = await fn();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`history ${response.status}`);
    samples.push(performance.now() - start);
  }
  return samples;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function historyFigures(workDir: string, port: number, repeats = 50) {
  const dataDir = join(workDir, "history");
  const seeded = spawnSync(
    process.execPath,
    ["--import", "tsx", "server/seed-cli.ts", "--keypairs", "1", "--audit", String(RECORDS)],
    { cwd: join(import.meta.dirname, ".."), env: { ...process.env, KPS_DATA_DIR: dataDir } },
  );
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const server = await startServer(dataDir, port);
  const rows: HistoryRow[] = [];
  try {
    const { token, projectId } = await signIn(server.base);
    const get = (query: string) => () =>
      fetch(`${server.base}/v3/${projectId}/traces?${query}`, {
        headers: { "x-auth-token": token },
      });
    const first = await sample(get("limit=50"), repeats);
    rows.push({
      query: `first page of ${RECORDS.toLocaleString("en")} (limit 50)`,
      requests: first.length,
      medianMs: round(median(first)),
      p95Ms: round(percentile(first, 0.95)),
    });
    // Every keystroke of "sam" in the user filter and of "web-01" in the key-pair filter, with
    // a rating chosen, as the page would ask while the person types.
    const keystrokes = [
      ..."sam".split("").map((_, i) => `user=${"sam".slice(0, i + 1)}`),
      ..."web-01".split("").map((_, i) => `resource_name=${"web-01".slice(0, i + 1)}`),
      "user=sam&trace_rating=warning",
      "resource_name=web-01&trace_rating=incident",
    ].map((filter) => `limit=50&${filter}`);
    const typed: number[] = [];
    for (let round = 0; round < Math.ceil(repeats / 5); round += 1)
      for (const query of keystrokes) typed.push(...(await sample(get(query), 1)));
    rows.push({
      query: "filter keystroke (user, key pair, rating)",
      requests: typed.length,
      medianMs: round(median(typed)),
      p95Ms: round(percentile(typed, 0.95)),
    });
    // The next page deep in the history, as the page's "Load more" asks.
    const deep = await (await get("limit=200")()).json();
    const marker = (deep as { meta_data: { marker: string } }).meta_data.marker;
    const next = await sample(get(`limit=50&next=${marker}`), repeats);
    rows.push({
      query: "next page by marker",
      requests: next.length,
      medianMs: round(median(next)),
      p95Ms: round(percentile(next, 0.95)),
    });
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  return rows;
}
