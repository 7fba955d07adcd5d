// Runs the stand-in cloud on PORT (127.0.0.1 only) for the proxy-mode browser journeys.
import { createStandInCloud } from "./stand-in-cloud.ts";

const port = Number(process.env.PORT ?? 8399);
const slowMs = Number(process.env.STAND_IN_SLOW_MS ?? 4000);
const cloud = await createStandInCloud({ slowMs });
const bound = await cloud.listen(port);
console.log(`Stand-in cloud on http://127.0.0.1:${bound}/ (${cloud.keypairs.size} key pairs)`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
