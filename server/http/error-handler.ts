// One error handler: every failure leaves in the envelope its caller expects, and a 5xx never
// carries internals (stack, SQL, paths).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiFailure, errorBody, isIamPath, kpsError } from "./errors.ts";

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiFailure, request, reply) => {
    const failure = toFailure(error, request);
    if (failure.status >= 500) request.log.error({ err: error }, "request failed");
    return send(reply, request, failure);
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      request,
      new ApiFailure(
        404,
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
        "gateway",
      ),
    ),
  );
}

function send(reply: FastifyReply, request: FastifyRequest, failure: ApiFailure) {
  return reply
    .code(failure.status)
    .headers(failure.headers)
    .type("application/json;charset=UTF-8")
    .send(errorBody(failure, request.id));
}

/** The failure a request is answered with; the export audit records the same code. */
export function toFailure(error: FastifyError | ApiFailure, request: FastifyRequest): ApiFailure {
  const iam = isIamPath(request.url);
  if (error instanceof ApiFailure) return error;
  const status = error.statusCode ?? 500;
  if ((error as { code?: string }).code === "SQLITE_BUSY") {
    return new ApiFailure(503, "KPS.0003", "Dependency service unavailable", iam ? "iam" : "kps", {
      "Retry-After": "1",
    });
  }
  if (status >= 500)
    return iam ? new ApiFailure(500, "500", "Internal error", "iam") : kpsError("KPS.0004");
  // Fastify's own 4xx: bad JSON, body too large (413), unsupported media type (415), poisoned keys.
  const message =
    status === 413
      ? "request body is too large"
      : status === 415
        ? "Content-Type must be application/json"
        : "parameter error";
  return new ApiFailure(status, "KPS.0002", message, iam ? "iam" : "kps");
}
