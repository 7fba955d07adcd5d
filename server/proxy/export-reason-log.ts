// Proxy mode keeps no audit table: the cloud's CTS records each export, but holds no reason.
// So the console server checks the reason as the embedded one does, never forwards it, and
// writes one structured log line per export attempt (reason, user, key pairs, both request ids)
// that joins the CTS record by the cloud's request id.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ExportPolicy } from "../../contract/export-audit.ts";
import { ApiFailure } from "../http/errors.ts";
import { carriedNames, checkedReason, recordedReason } from "../kps/export-reason.ts";

export type ExportLogLine = {
  event: "kps-export";
  reason: string | null;
  user: { id?: string; name?: string; domain?: string } | null;
  keypairs: string[];
  /** This server's id for the request (its own log lines' reqId). */
  request_id: string;
  /**
   * The cloud's id for the answer, which its CTS trace carries as request_id and the browser
   * sees as X-Request-Id; null when the attempt was refused here, before it was forwarded.
   */
  cloud_request_id: string | null;
  status: number;
  error_code: string | null;
};

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export type ReasonLogDeps = {
  policy: ExportPolicy;
  whoIs: (token: string) => Promise<ExportLogLine["user"]>;
  log?: (line: ExportLogLine) => void;
};

export function reasonLogged(forward: Handler, deps: ReasonLogDeps): Handler {
  return async (request, reply) => {
    const header = request.headers["x-export-reason"];
    const token = request.headers["x-auth-token"];
    // Asked while the export is forwarded, and awaited only for the log line: the answer does
    // not wait for IAM.
    const user =
      typeof token === "string" && token.length > 0
        ? deps.whoIs(token).catch(() => null)
        : Promise.resolve(null);
    let status = 500;
    let errorCode: string | null = null;
    let cloudRequestId: string | null = null;
    try {
      checkedReason(header, deps.policy.reasonMode, typeof token === "string" ? token : undefined);
      const sent = await forward(request, reply);
      status = reply.statusCode;
      // The forwarded answer carries the cloud's X-Request-Id in place of this server's.
      const answered = reply.getHeader("x-request-id");
      if (typeof answered === "string" && answered !== request.id) cloudRequestId = answered;
      return sent;
    } catch (error) {
      if (error instanceof ApiFailure) {
        status = error.status;
        errorCode = error.code;
      }
      throw error;
    } finally {
      const line: Omit<ExportLogLine, "user"> = {
        event: "kps-export",
        reason: recordedReason(
          header,
          deps.policy.reasonMode,
          typeof token === "string" ? token : undefined,
        ),
        keypairs: carriedNames(parsedBody(request.body)),
        request_id: request.id,
        cloud_request_id: cloudRequestId,
        status,
        error_code: errorCode,
      };
      void user.then((who) => {
        const full = { ...line, user: who };
        if (deps.log) deps.log(full);
        else request.log.info(full, "export reason");
      });
    }
  };
}

/** The proxy keeps bodies as bytes; the names are read leniently, only for the log. */
function parsedBody(body: unknown): unknown {
  if (!(body instanceof Buffer)) return body;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}
