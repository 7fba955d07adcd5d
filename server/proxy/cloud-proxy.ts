// Proxy mode: the same paths forwarded to the real cloud, bodies untouched. IAM paths go to
// IAM, /v3/{project_id}/... to KPS. Nothing is stored here, so any number of copies can run.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiFailure } from "../http/errors.ts";

export type ProxyOptions = { kpsEndpoint: string; iamEndpoint: string; timeoutMs?: number };

const FORWARDED_REQUEST_HEADERS = [
  "content-type",
  "accept",
  "x-auth-token",
  "x-subject-token",
  "x-request-id",
];
const FORWARDED_RESPONSE_HEADERS = [
  "content-type",
  "content-disposition",
  "x-subject-token",
  "x-request-id",
  "retry-after",
];

export function registerCloudProxy(app: FastifyInstance, options: ProxyOptions): void {
  // Keep the body as bytes so it reaches the cloud exactly as the browser sent it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(["application/json"], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  const forward = (target: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    let upstream: Response;
    try {
      upstream = await fetch(new URL(request.url, target), {
        method: request.method,
        headers,
        body: request.body instanceof Buffer ? request.body : undefined,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch {
      throw new ApiFailure(502, "KPS.0003", "Dependency service unavailable");
    }
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    const body = Buffer.from(await upstream.arrayBuffer());
    return reply.code(upstream.status).send(body);
  };

  const iam = forward(options.iamEndpoint);
  const kps = forward(options.kpsEndpoint);
  for (const url of ["/v3/auth/*", "/v3/projects", "/v3/projects/*"]) {
    app.all(url, iam);
  }
  app.all("/v3/:project_id/*", kps);
}
