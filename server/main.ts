// Reads the configuration, listens, and shuts down gracefully on SIGTERM/SIGINT.
import { mkdirSync } from "node:fs";
import { type AppOptions, buildApp } from "./app.ts";
import { isLoopback, readConfig } from "./config.ts";
import { openEmbeddedStore } from "./embedded-kps.ts";
import { DEMO, seedDemo } from "./seed/demo-seed.ts";

const config = readConfig();
const proxied = config.kpsEndpoint && config.iamEndpoint;
let backend: AppOptions["backend"];
let seeded = false;
if (proxied && config.kpsEndpoint && config.iamEndpoint) {
  backend = { kpsEndpoint: config.kpsEndpoint, iamEndpoint: config.iamEndpoint };
} else {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const embedded = openEmbeddedStore(config.dataDir);
  seeded = config.demo ? await seedDemo(embedded) : false;
  backend = { embedded, exportRateLimit: config.exportRateLimit };
}

const allowedHostNames = [
  ...new Set([config.host, "127.0.0.1", "localhost", "::1", ...config.extraAllowedHosts]),
];
const app = await buildApp({ backend, allowedHostNames, logger: true });
await app.listen({ host: config.host, port: config.port });

const shownHost = isLoopback(config.host) ? "127.0.0.1" : config.host;
const address = app.server.address();
const port = address && typeof address === "object" ? address.port : config.port;
console.log(`\nKPS Console: http://${shownHost}:${port}/`);
if (proxied) {
  console.log(`Proxy mode: KPS ${config.kpsEndpoint}, IAM ${config.iamEndpoint}`);
} else {
  console.log(`Embedded KPS, data in ${config.dataDir}${seeded ? " (demo seeded)" : ""}`);
  if (config.demo) {
    console.log(
      `Demo sign-in: account "${DEMO.account}", users ${DEMO.users.join(", ")}, password "${DEMO.password}"`,
    );
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    // close() stops accepting, lets in-flight requests finish, then closes the database.
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
