// npm run verify: the long security and reliability suites. Prints every figure as a table and
// exits non-zero when one falls short of its target.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ivRepeats, storeFigures } from "./at-rest-and-audit.ts";
import { crashDurability } from "./crash-durability.ts";
import { forgedKeys } from "./forged-keys.ts";
import { hostileArchives } from "./hostile-archives.ts";
import { auditFlood, lockout, pageUnderLoad } from "./limits.ts";
import { load } from "./load.ts";
import { proxyDefences } from "./proxy-defences.ts";
import { startServer } from "./server-process.ts";
import { sigtermUnderLoad } from "./sigterm-under-load.ts";

type Row = { suite: string; figure: string; value: number | string; target: string; ok: boolean };
const rows: Row[] = [];
const record = (
  suite: string,
  figure: string,
  value: number | string,
  target: string,
  ok: boolean,
) => {
  rows.push({ suite, figure, value, target, ok });
  console.log(`${ok ? "ok  " : "FAIL"} ${suite}: ${figure} = ${value} (target ${target})`);
};
const zero = (suite: string, figure: string, value: number) =>
  record(suite, figure, value, "0", value === 0);

const quick = process.argv.includes("--quick");
const port = 19_000 + (process.pid % 500);
const work = mkdtempSync(join(tmpdir(), "kps-verify-"));

try {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const runs = quick ? 1000 : 10_000;
  console.log(`fuzzing: ${runs} cases per route, seed ${seed}`);
  const fuzz = spawnSync(
    "node_modules/.bin/vitest",
    ["run", "server/security/fuzz.test.ts", "--reporter=dot"],
    {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
      encoding: "utf8",
    },
  );
  record(
    "fuzzing",
    `routes failing (5xx, crash, leak or no envelope) over ${runs} cases each, seed ${seed}`,
    fuzz.status === 0 ? 0 : "see output",
    "0",
    fuzz.status === 0,
  );
  if (fuzz.status !== 0) console.log(fuzz.stdout.slice(-4000));

  const durability = await crashDurability(join(work, "crash"), port, quick ? 2 : 5);
  record(
    "crash durability",
    "kill -9 rounds",
    durability.rounds,
    quick ? ">= 2" : ">= 5",
    durability.rounds >= (quick ? 2 : 5),
  );
  record(
    "crash durability",
    "acknowledged writes",
    durability.acknowledged,
    "> 0",
    durability.acknowledged > 0,
  );
  zero("crash durability", "acknowledged writes lost", durability.lost);
  zero("crash durability", "integrity_check failures", durability.integrityFailures);

  const sigterm = await sigtermUnderLoad(
    await startServer(join(work, "sigterm"), port + 1, { KPS_EXPORT_RATE_LIMIT: "100000" }),
  );
  record(
    "graceful shutdown",
    "requests accepted before SIGTERM",
    sigterm.acceptedBeforeSignal,
    "> 0",
    sigterm.acceptedBeforeSignal > 0,
  );
  zero("graceful shutdown", "connection resets of accepted requests", sigterm.resetsAfterAccept);
  record("graceful shutdown", "exit code", String(sigterm.exitCode), "0", sigterm.exitCode === 0);

  zero(
    "at rest",
    `IV repeats over ${quick ? 10_000 : 100_000} seals`,
    await ivRepeats(quick ? 10_000 : 100_000),
  );
  const store = await storeFigures(1000);
  zero("at rest", "plaintext key material hits in DB, WAL and backup", store.plaintextHits);
  zero(
    "at rest",
    `sealed blobs swapped between rows that opened (of ${store.swappedPairs})`,
    store.swappedOpened,
  );
  record(
    "audit",
    `records for ${store.attempts} export attempts`,
    store.auditRecords,
    String(store.attempts),
    store.auditRecords === store.attempts,
  );
  record(
    "audit",
    "records with the export reason they were sent (4 in 5 attempts send one)",
    store.withReason,
    String(store.attempts * 0.8),
    store.withReason === store.attempts * 0.8,
  );
  zero("audit", "records holding key material or a token", store.auditLeaks);

  const proxy = await proxyDefences(join(work, "proxy"), port + 3);
  zero(
    "proxy mode",
    `requests reaching any host from ${proxy.attempts} absolute-form or dot-segment request lines`,
    proxy.relayed,
  );
  record(
    "proxy mode",
    "status for a 1 GiB answer from the cloud",
    proxy.hugeAnswerStatus,
    "502",
    proxy.hugeAnswerStatus === 502,
  );
  record(
    "proxy mode",
    "resident memory growth while the cloud sends 1 GiB (MiB)",
    proxy.rssGrowthMiB,
    "< 64",
    proxy.rssGrowthMiB < 64,
  );

  const archives = await hostileArchives();
  zero(
    "preview",
    `hidden-entry and setuid archives accepted (of ${archives.hiddenKinds})`,
    archives.hiddenAccepted,
  );
  zero(
    "preview",
    `hostile archive kinds accepted (of ${archives.kinds})`,
    archives.accepted.length,
  );

  const forged = await forgedKeys(quick ? 20 : 200);
  zero("keys", `forged keys accepted (of ${forged.forged})`, forged.forgedAccepted);
  zero("keys", `genuine keys refused (of ${forged.genuine})`, forged.genuineRefused);

  const loadServer = await startServer(join(work, "load"), port + 2, {
    KPS_EXPORT_RATE_LIMIT: "1000000",
  });
  const loaded = await load(loadServer, 100, quick ? 10 : 60);
  loadServer.child.kill("SIGTERM");
  await loadServer.exited;
  record(
    "load",
    `requests by ${loaded.clients} clients in ${loaded.seconds} s`,
    loaded.requests,
    "> 0",
    loaded.requests > 0,
  );
  zero("load", "errors", loaded.errors);
  record(
    "load",
    "resident memory growth after warm-up (MiB)",
    loaded.rssGrowthMiB,
    "< 64",
    loaded.rssGrowthMiB < 64,
  );

  zero(
    "limits",
    "users locked out by another's failures",
    await lockout(join(work, "lockout"), port + 3),
  );
  const page = await pageUnderLoad(join(work, "page"), port + 4, quick ? 5 : 10);
  record("limits", "index.html p99 with no load (ms)", page.baseline, "< 100", page.baseline < 100);
  record(
    "limits",
    "index.html p99 while 64 sign-in and 32 create loops run (ms)",
    page.loaded,
    "< 3000 (8 s before the limits)",
    page.loaded < 3000,
  );
  const flood = await auditFlood(join(work, "flood"), port + 5, quick ? 5 : 10);
  record(
    "limits",
    `audit rows written by ${flood.attempts} unauthenticated attempts in ${quick ? 5 : 10} s`,
    flood.rows,
    "<= 61 (60 a minute + 1 summary)",
    flood.rows <= 61,
  );
  record(
    "limits",
    "attempts the audit accounts for (rows + summary counts)",
    flood.counted,
    String(flood.attempts),
    flood.counted === flood.attempts,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log("\n| suite | figure | value | target | |\n|---|---|---|---|---|");
for (const row of rows)
  console.log(
    `| ${row.suite} | ${row.figure} | ${row.value} | ${row.target} | ${row.ok ? "ok" : "FAIL"} |`,
  );
const failed = rows.filter((row) => !row.ok).length;
console.log(`\n${rows.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
