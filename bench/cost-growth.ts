// How server cost grows: batch export of 1, 5 and 10 keys, and reading a whole list of 100,
// 1,000 and 10,000 key pairs page by page (limit 1000), each the median of repeated requests.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { DEMO_EXPORTABLE_TEN } from "../server/seed/demo-seed.ts";
import { signIn, startServer } from "../verify/server-process.ts";
import { median } from "./stats.ts";

async function timed(fn: () => Promise<unknown>, repeats: number): Promise<number> {
  for (let i = 0; i < 3; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 100) / 100;
}

export type GrowthRow = { operation: string; size: number; medianMs: number };

export async function costGrowth(workDir: string, port: number): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  const root = join(import.meta.dirname, "..");
  for (const total of [100, 1000, 10_000]) {
    const dataDir = join(workDir, `list-${total}`);
    // alice sees 29 of the demo's key pairs in cn-north-4; the bulk seed brings her list to `total`.
    spawnSync(
      process.execPath,
      ["--import", "tsx", "server/seed-cli.ts", "--keypairs", String(total - 29)],
      {
        cwd: root,
        env: { ...process.env, KPS_DATA_DIR: dataDir },
        stdio: "ignore",
      },
    );
    const server = await startServer(dataDir, port, { KPS_EXPORT_RATE_LIMIT: "100000000" });
    try {
      const { token, projectId } = await signIn(server.base);
      const headers = { "x-auth-token": token, "content-type": "application/json" };
      const readAll = async () => {
        let marker = "";
        let count = 0;
        do {
          const response = await fetch(
            `${server.base}/v3/${projectId}/keypairs?limit=1000${marker ? `&marker=${marker}` : ""}`,
            { headers },
          );
          const body = (await response.json()) as {
            keypairs: unknown[];
            page_info?: { next_marker?: string };
          };
          count += body.keypairs.length;
          marker = body.page_info?.next_marker ?? "";
        } while (marker);
        if (count !== total) throw new Error(`listed ${count} of ${total}`);
      };
      rows.push({
        operation: "list every page",
        size: total,
        medianMs: await timed(readAll, total >= 10_000 ? 7 : 15),
      });
      if (total === 100) {
        for (const size of [1, 5, 10]) {
          const body = JSON.stringify(
            DEMO_EXPORTABLE_TEN.slice(0, size).map((name) => ({ keypair: { name } })),
          );
          const exportOnce = async () => {
            const response = await fetch(
              `${server.base}/v3/${projectId}/keypairs/private-key/batch-export`,
              { method: "POST", headers, body },
            );
            if (!response.ok) throw new Error(`export ${response.status}`);
            await response.arrayBuffer();
          };
          rows.push({ operation: "batch export", size, medianMs: await timed(exportOnce, 31) });
        }
      }
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
  return rows;
}
