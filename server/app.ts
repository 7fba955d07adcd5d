// buildApp returns the console server and never listens: main.ts listens, tests inject().
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { z } from "zod/mini";
import { CONSOLE_SETUP_PATH, type ConsoleSetup } from "../contract/console.ts";
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from "../contract/export-audit.ts";
import { type EmbeddedKps, type EmbeddedOptions, registerEmbeddedKps } from "./embedded-kps.ts";
import { registerErrorHandling } from "./http/error-handler.ts";
import { ApiFailure, errorBody } from "./http/errors.ts";
import { type HygieneOptions, registerHygiene } from "./http/hygiene.ts";
import { keepRawBody } from "./http/raw-body.ts";
import { requestIdSource } from "./http/request-ids.ts";
import { trackRoutes } from "./http/route-list.ts";
import { registerStaticFiles } from "./http/static-files.ts";
import { type ProxyOptions, registerCloudProxy } from "./proxy/cloud-proxy.ts";

export const BODY_LIMIT_BYTES = 64 * 1024;
/** Past this the connection is closed with no answer; the proxy's upstream deadline is shorter. */
export const REQUEST_TIMEOUT_MS = 30_000;

export type AppOptions = {
  /** The embedded store, or the cloud endpoints to forward to. */
  backend: ({ embedded: EmbeddedKps } & EmbeddedOptions) | ProxyOptions;
  /** Addresses or CIDRs of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustedProxies?: string[];
  allowedHostNames: HygieneOptions["allowedHostNames"];
  distDir?: string;
  logger?: boolean;
  /** Set by main on SIGTERM: new requests get a clean 503 while queued ones finish. */
  lifecycle?: { draining: boolean };
  /**
   * The demo account, when main seeded it: the sign-in page shows it. Only what the terminal
   * already prints for anyone who started the server; absent in proxy mode and by default.
   */
  demo?: NonNullable<ConsoleSetup["demo"]>;
  /** Issue 15: reason mode and step-up window, enforced here and told to the console. */
  exportPolicy?: ExportPolicy;
};

// zod/mini ships no messages; KPS.0002 answers quote the first issue, so it needs them.
z.config(z.locales.en());

const defaultDistDir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          redact: {
            paths: [
              "req.headers['x-auth-token']",
              "req.headers['x-subject-token']",
              "req.headers.authorization",
            ],
            remove: true,
          },
        }
      : false,
    genReqId: requestIdSource(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    return503OnClosing: true,
    // The client address decides sign-in throttling and the audit's source: a header says it
    // only when a configured proxy sent the request.
    trustProxy: options.trustedProxies?.length ? options.trustedProxies.join(",") : false,
    // Key-pair names may be 255 characters; the router's default cap is 100.
    routerOptions: { maxParamLength: 512 },
    // Errors the router raises before any route runs still leave in the KPS envelope.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400;
      (reply as FastifyReply)
        .code(status)
        .type("application/json;charset=UTF-8")
        .send(errorBody(new ApiFailure(status, "KPS.0002", "parameter error"), request.id));
    },
  });
  trackRoutes(app);
  // Only JSON bodies are accepted (415 for anything else), as the KPS API takes nothing else.
  app.removeContentTypeParser("text/plain");
  // The official SDK cores send `Content-Type: application/json` with no body on DELETE
  // (kps-api.md section 8): an empty JSON body is no body, and each route's schema decides.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    keepRawBody(request, body);
    if (body === "") done(null, undefined);
    else parseJson(request, body.toString(), done);
  });
  registerHygiene(app, { allowedHostNames: options.allowedHostNames });
  // KPS and IAM answer JSON as `application/json;charset=UTF-8`; some SDK cores compare it.
  app.addHook("onSend", async (_request, reply, payload) => {
    const type = reply.getHeader("content-type");
    if (typeof type === "string" && /^application\/json\s*(;|$)/i.test(type))
      reply.header("content-type", "application/json;charset=UTF-8");
    return payload;
  });
  app.addHook("onRequest", async (_request, reply) => {
    if (!options.lifecycle?.draining) return;
    reply.header("Connection", "close").header("Retry-After", "1");
    throw new ApiFailure(503, "KPS.0003", "The server is shutting down. Try again.");
  });
  registerErrorHandling(app);
  app.get("/healthz", async () => ({ status: "ok" }));
  const exportPolicy = options.exportPolicy ?? DEFAULT_EXPORT_POLICY;
  const setup: ConsoleSetup = {
    demo: options.demo ?? null,
    exportReason: exportPolicy.reasonMode,
    exportFreshAuthSeconds: exportPolicy.freshAuthSeconds,
    mode: "embedded" in options.backend ? "embedded" : "proxy",
  };
  app.get(CONSOLE_SETUP_PATH, async (_request, reply) => {
    reply.header("Cache-Control", "no-store");
    return setup;
  });
  if ("embedded" in options.backend) {
    registerEmbeddedKps(app, options.backend.embedded, options.backend, exportPolicy);
  } else {
    registerCloudProxy(app, options.backend, exportPolicy);
  }
  await registerStaticFiles(app, options.distDir ?? defaultDistDir);
  return app;
}
