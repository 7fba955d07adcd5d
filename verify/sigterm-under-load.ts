// SIGTERM while clients keep sending: requests fully sent before the signal must all be answered.
import { request } from "node:http";
import { type ServerProcess, signIn } from "./server-process.ts";

export async function sigtermUnderLoad(server: ServerProcess, clients = 40) {
  const { token, projectId } = await signIn(server.base);
  const body = JSON.stringify(["web-01", "web-02"].map((name) => ({ keypair: { name } })));
  let signalAt = Number.POSITIVE_INFINITY;
  let acceptedBeforeSignal = 0;
  let resetsAfterAccept = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      let sentAt = Number.POSITIVE_INFINITY;
      // A new connection each time: keep-alive reuse racing the close is a client-side matter.
      const req = request(`${server.base}/v3/${projectId}/keypairs/private-key/batch-export`, {
        method: "POST",
        agent: false,
        headers: {
          "x-auth-token": token,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      });
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => {
          if (sentAt < signalAt) acceptedBeforeSignal += 1;
          resolve();
        });
      });
      req.on("error", () => {
        // "Accepted" = fully sent and given a moment to be read before the signal.
        if (sentAt + 20 < signalAt) {
          acceptedBeforeSignal += 1;
          resetsAfterAccept += 1;
        }
        resolve();
      });
      req.end(body, () => {
        sentAt = Date.now();
      });
    });
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) await one();
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  signalAt = Date.now();
  server.child.kill("SIGTERM");
  const exitCode = await server.exited;
  running = false;
  await Promise.all(loops);
  return { acceptedBeforeSignal, resetsAfterAccept, exitCode };
}
