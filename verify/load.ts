// Many concurrent clients mixing list, detail and export against the real server process.
import { type ServerProcess, signIn } from "./server-process.ts";

export async function load(server: ServerProcess, clients = 100, seconds = 60) {
  const { token, projectId } = await signIn(server.base);
  const url = (path: string) => `${server.base}/v3/${projectId}${path}`;
  const headers = { "x-auth-token": token, "content-type": "application/json" };
  const rss = async () =>
    Number(
      (await import("node:fs"))
        .readFileSync(`/proc/${server.child.pid}/status`, "utf8")
        .match(/VmRSS:\s+(\d+)/)?.[1] ?? 0,
    ) * 1024;
  let requests = 0;
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const warmUpEnd = Date.now() + Math.min(10, seconds / 4) * 1000;
  let rssAfterWarmUp = 0;
  const client = async (id: number) => {
    for (let i = 0; Date.now() < deadline; i += 1) {
      const kind = (id + i) % 3;
      try {
        const response =
          kind === 0
            ? await fetch(url("/keypairs?limit=1000"), { headers })
            : kind === 1
              ? await fetch(url("/keypairs/web-01"), { headers })
              : await fetch(url("/keypairs/private-key/batch-export"), {
                  method: "POST",
                  headers,
                  body: JSON.stringify(
                    ["web-01", "web-02", "bastion-ed25519"].map((name) => ({ keypair: { name } })),
                  ),
                });
        await response.arrayBuffer();
        requests += 1;
        if (!response.ok) errors += 1;
      } catch {
        errors += 1;
      }
      if (!rssAfterWarmUp && Date.now() > warmUpEnd) rssAfterWarmUp = await rss();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  const rssEnd = await rss();
  return {
    clients,
    seconds,
    requests,
    errors,
    rssGrowthMiB: Math.round(((rssEnd - rssAfterWarmUp) / 2 ** 20) * 10) / 10,
  };
}
