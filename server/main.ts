// Reads the configuration, listens, and shuts down gracefully on SIGTERM/SIGINT.
import { mkdirSync } from "node:fs";
import { type AppOptions, buildApp } from "./app.ts";
import { isLoopback, readConfig } from "./config.ts";
import { openEmbeddedStore } from "./embedded-kps.ts";
import { DEMO, demoAccessKey, demoMfaDevice, seedDemo } from "./seed/demo-seed.ts";

const config = readConfig();
let backend: AppOptions["backend"];
let seeded = false;
let demoKey: { ak: string; sk: string } | undefined;
let demoMfa: { user: string; secret: string } | undefined;
if (config.kpsEndpoint && config.iamEndpoint) {
  backend = {
    kpsEndpoint: config.kpsEndpoint,
    iamEndpoint: config.iamEndpoint,
    ...(config.ctsEndpoint ? { ctsEndpoint: config.ctsEndpoint } : {}),
    limits: config.upstreamLimits,
  };
} else {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const embedded = openEmbeddedStore(config.dataDir);
  seeded = config.demo ? await seedDemo(embedded) : false;
  demoKey = config.demo ? demoAccessKey(embedded) : undefined;
  demoMfa = config.demo ? demoMfaDevice(embedded, config.demoMfa) : undefined;
  backend = {
    embedded,
    exportRateLimit: config.exportRateLimit,
    createRateLimit: config.createRateLimit,
    auditFailuresPerMinute: config.auditFailuresPerMinute,
    auditRetentionDays: config.auditRetentionDays,
  };
}

const allowedHostNames = [
  ...new Set([config.host, "127.0.0.1", "localhost", "::1", ...config.extraAllowedHosts]),
];
const lifecycle = { draining: false };
const app = await buildApp({
  backend,
  allowedHostNames,
  logger: true,
  lifecycle,
  trustedProxies: config.trustedProxies,
  exportPolicy: config.exportPolicy,
  demo:
    config.demo && !("kpsEndpoint" in backend)
      ? {
          account: DEMO.account,
          users: [...DEMO.users],
          password: DEMO.password,
          ...(demoMfa ? { mfa: demoMfa } : {}),
        }
      : undefined,
});
try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  await app.close();
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
  // A stack trace says nothing a person can act on; which port, and how to pick another, does.
  const why = code === "EADDRINUSE" ? "is already in use" : "may not be used by this user";
  console.error(
    `Port ${config.port} on ${config.host} ${why}. Stop what holds it, or choose another port, for example: PORT=${config.port + 1} npm start`,
  );
  process.exit(1);
}

const shownHost = isLoopback(config.host) ? "127.0.0.1" : config.host;
const address = app.server.address();
const port = address && typeof address === "object" ? address.port : config.port;
console.log(`\nKPS Console: http://${shownHost}:${port}/`);
if ("kpsEndpoint" in backend) {
  console.log(`Proxy mode: KPS ${config.kpsEndpoint}, IAM ${config.iamEndpoint}`);
  console.log(
    config.ctsEndpoint
      ? `Export history from CTS ${config.ctsEndpoint}; export reasons go to this server's log.`
      : "No CTS_ENDPOINT: the export history is not served; export reasons go to this server's log.",
  );
} else {
  console.log(`Embedded KPS, data in ${config.dataDir}${seeded ? " (demo seeded)" : ""}`);
  if (config.demo) {
    console.log(
      `Demo sign-in: account "${DEMO.account}", users ${DEMO.users.join(", ")}, password "${DEMO.password}"`,
    );
    if (demoKey) console.log(`Demo access key (alice): AK ${demoKey.ak}  SK ${demoKey.sk}`);
    if (demoMfa)
      console.log(
        `Demo virtual MFA device (${demoMfa.user}): secret ${demoMfa.secret} (RFC 6238, 6 digits, 30 s, SHA-1)`,
      );
  }
}

// Requests already sent may still sit unread in the kernel when the signal lands: keep the
// listener open a moment so they are read and answered (new ones get a clean 503), then close,
// which lets in-flight requests finish before the database closes.
const DRAIN_MS = 500;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    lifecycle.draining = true;
    setTimeout(() => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }, DRAIN_MS);
  });
}
