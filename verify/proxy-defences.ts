// Proxy mode in front of a hostile cloud, as a real process: request lines that try to pick the
// host or climb out of /v3, and a cloud that answers 1 GiB, watched through the server's RSS.
import { readFileSync } from "node:fs";
import { rawRequest } from "../server/testing/raw-http.ts";
import { startRecordingUpstream } from "../server/testing/recording-upstream.ts";
import { startServer } from "./server-process.ts";

const PROJECT = "0123456789abcdef0123456789abcdef";

export async function proxyDefences(dataDir: string, port: number) {
  const cloud = await startRecordingUpstream();
  const elsewhere = await startRecordingUpstream();
  const server = await startServer(dataDir, port, {
    KPS_ENDPOINT: cloud.url,
    IAM_ENDPOINT: cloud.url,
  });
  try {
    const attempts = [
      `GET ${elsewhere.url}/v3/${PROJECT}/keypairs HTTP/1.1`,
      `POST ${elsewhere.url}/v3/${PROJECT}/keypairs/private-key/batch-export HTTP/1.1`,
      `GET //127.0.0.1:${elsewhere.port}/v3/${PROJECT}/keypairs HTTP/1.1`,
      `GET /v3/${PROJECT}/../../latest/meta-data/ HTTP/1.1`,
      `GET /v3/${PROJECT}/%2e%2e/%2e%2e/latest/meta-data/ HTTP/1.1`,
      `GET /v3/${PROJECT}/keypairs/..%2f..%2f..%2flatest HTTP/1.1`,
      "OPTIONS * HTTP/1.1",
    ];
    for (const line of attempts) await rawRequest(port, line, ["X-Auth-Token: verify-token"]);
    const relayed = elsewhere.seen.length + cloud.seen.length;

    const pid = server.child.pid ?? 0;
    const before = rssMiB(pid);
    cloud.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 1024 && !response.destroyed) {
          sent += 1;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
    });
    let peak = before;
    const watch = setInterval(() => {
      peak = Math.max(peak, rssMiB(pid));
    }, 20);
    const answer = await fetch(`${server.base}/v3/${PROJECT}/keypairs`);
    await answer.arrayBuffer();
    clearInterval(watch);
    return {
      attempts: attempts.length,
      relayed,
      hugeAnswerStatus: answer.status,
      rssGrowthMiB: Math.round(peak - before),
    };
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    await cloud.close();
    await elsewhere.close();
  }
}

function rssMiB(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : 0;
}
