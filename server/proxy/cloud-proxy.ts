// Proxy mode: the console's own API paths forwarded to the real cloud, bodies untouched. IAM
// paths go to IAM, /v3/{project_id}/keypairs... to KPS. Nothing is stored here, so any number of
// copies can run. The request line never chooses the host (only origin-form targets get this
// far, see hygiene), and only what the console reads comes back: JSON, or the zip of a batch
// export, within a size cap and a deadline.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from "../../contract/export-audit.ts";
import { ApiFailure, isIamPath } from "../http/errors.ts";
import { type ExportLogLine, reasonLogged } from "./export-reason-log.ts";
import { createUpstream, UpstreamFailure, type UpstreamLimits } from "./upstream.ts";

export type ProxyOptions = {
  kpsEndpoint: string;
  iamEndpoint: string;
  /** Cloud Trace Service: the export history reads its ListTraces; absent, there is none. */
  ctsEndpoint?: string;
  limits?: UpstreamLimits;
  /** Where each export's reason line goes; the server's log unless a test listens. */
  exportLog?: (line: ExportLogLine) => void;
};

export const DEFAULT_UPSTREAM_LIMITS: UpstreamLimits = {
  connectTimeoutMs: 5_000,
  // The console server gives up on a request after 30 s; the cloud must be cut off well before.
  timeoutMs: 20_000,
  // A list page of 1000 RSA 4096 key pairs is about 1 MiB; ten keys zipped, tens of KiB.
  maxResponseBytes: 4 * 1024 * 1024,
};

const FORWARDED_REQUEST_HEADERS = [
  "content-type",
  "accept",
  "accept-language",
  "x-auth-token",
  "x-subject-token",
  "x-request-id",
];
const FORWARDED_RESPONSE_HEADERS = [
  "x-subject-token",
  "x-request-id",
  "retry-after",
  "location",
  "www-authenticate",
];

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const ZIP_TYPE = /^application\/(zip|octet-stream)\s*(;|$)/i;

export function registerCloudProxy(
  app: FastifyInstance,
  options: ProxyOptions,
  exportPolicy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): void {
  const upstream = createUpstream(options.limits ?? DEFAULT_UPSTREAM_LIMITS);
  app.addHook("onClose", () => upstream.close());
  // Keep the body as bytes so it reaches the cloud exactly as the browser sent it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(["application/json"], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  const forward =
    (endpoint: string, answersWithZip = false) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      const accepts = (type: string) =>
        JSON_TYPE.test(type) || (answersWithZip && ZIP_TYPE.test(type));
      let answer: Awaited<ReturnType<typeof upstream.call>>;
      try {
        answer = await upstream.call(
          upstreamUrl(endpoint, request.url),
          {
            method: request.method,
            headers,
            ...(request.body instanceof Buffer ? { body: request.body } : {}),
          },
          accepts,
        );
      } catch (error) {
        if (!(error instanceof UpstreamFailure)) throw error;
        request.log.warn(
          {
            upstream: new URL(endpoint).host,
            upstreamStatus: error.upstreamStatus,
            reason: error.kind,
          },
          "upstream answer refused",
        );
        throw proxyFailure(error, isIamPath(request.url));
      }
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers[name];
        if (typeof value === "string") reply.header(name, value);
      }
      if (answer.body.length > 0) {
        const type = String(answer.headers["content-type"]);
        reply.type(type);
        // The zip is saved under one fixed, safe name, whatever the cloud calls it.
        if (ZIP_TYPE.test(type))
          reply.header("Content-Disposition", 'attachment; filename="keypairs.zip"');
      }
      return reply.code(answer.status).send(answer.body);
    };

  const iam = forward(options.iamEndpoint);
  for (const url of ["/v3/auth/tokens", "/v3/auth/projects", "/v3/auth/domains", "/v3/projects"]) {
    app.all(url, iam);
  }
  const kps = forward(options.kpsEndpoint);
  app.all("/v3/:project_id/keypairs", kps);
  app.all("/v3/:project_id/keypairs/*", kps);
  // Exports: the reason is checked here, never forwarded (the cloud's API has no such header),
  // and written as one log line that joins the cloud's CTS record by request id.
  const logged = (handler: ReturnType<typeof forward>) =>
    reasonLogged(handler, {
      policy: exportPolicy,
      whoIs: (token) => whoIs(upstream, options.iamEndpoint, token),
      log: options.exportLog,
    });
  app.post("/v3/:project_id/keypairs/private-key/export", logged(kps));
  app.post(
    "/v3/:project_id/keypairs/private-key/batch-export",
    logged(forward(options.kpsEndpoint, true)),
  );
  if (options.ctsEndpoint) app.get("/v3/:project_id/traces", forward(options.ctsEndpoint));
}

/**
 * The user a token belongs to, by IAM's token validation (GET /v3/auth/tokens with the token
 * as X-Subject-Token), for the export's log line; null when IAM does not say.
 */
async function whoIs(
  upstream: ReturnType<typeof createUpstream>,
  iamEndpoint: string,
  token: string,
): Promise<{ id?: string; name?: string; domain?: string } | null> {
  try {
    const answer = await upstream.call(
      upstreamUrl(iamEndpoint, "/v3/auth/tokens"),
      { method: "GET", headers: { "x-auth-token": token, "x-subject-token": token } },
      (type) => JSON_TYPE.test(type),
    );
    if (answer.status !== 200) return null;
    const user = (
      JSON.parse(answer.body.toString("utf8")) as {
        token?: { user?: { id?: unknown; name?: unknown; domain?: { name?: unknown } } };
      }
    ).token?.user;
    if (!user) return null;
    return {
      ...(typeof user.id === "string" ? { id: user.id } : {}),
      ...(typeof user.name === "string" ? { name: user.name } : {}),
      ...(typeof user.domain?.name === "string" ? { domain: user.domain.name } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * The endpoint's origin and path prefix, then the request's own path and query. Built as a string
 * and checked, because `new URL(target, base)` lets an absolute or protocol-relative target win.
 */
export function upstreamUrl(endpoint: string, target: string): URL {
  const base = new URL(endpoint);
  const url = new URL(`${base.origin}${base.pathname.replace(/\/+$/, "")}${target}`);
  if (url.origin !== base.origin || !target.startsWith("/")) {
    throw new ApiFailure(400, "KPS.0002", "parameter error: the request target must be a path");
  }
  return url;
}

function proxyFailure(error: UpstreamFailure, iam: boolean): ApiFailure {
  const shape = iam ? "iam" : "kps";
  switch (error.kind) {
    case "timeout":
      return new ApiFailure(504, "KPS.0003", "The cloud service did not answer in time.", shape);
    case "unreachable":
      return new ApiFailure(502, "KPS.0003", "Dependency service unavailable", shape);
    default:
      return new ApiFailure(
        502,
        "KPS.0003",
        "The cloud service sent an answer the console does not accept.",
        shape,
      );
  }
}
