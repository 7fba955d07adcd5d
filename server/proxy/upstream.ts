// One call to the cloud with real limits: a connect timeout, a deadline for the whole answer
// (shorter than the console server's own request timeout, so the browser gets our error rather
// than a closed connection), and a cap on the body, read as a stream and abandoned past the cap.
import { Agent, request } from "undici";

export type UpstreamLimits = {
  connectTimeoutMs: number;
  timeoutMs: number;
  maxResponseBytes: number;
};

export type UpstreamAnswer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

export type UpstreamFailureKind = "unreachable" | "timeout" | "too-large" | "content-type";

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    readonly upstreamStatus: number | null = null,
  ) {
    super(`upstream ${kind}`);
  }
}

export type Upstream = {
  call: (
    url: URL,
    init: { method: string; headers: Record<string, string>; body?: Buffer },
    acceptsContentType: (contentType: string) => boolean,
  ) => Promise<UpstreamAnswer>;
  close: () => Promise<void>;
};

export function createUpstream(limits: UpstreamLimits): Upstream {
  const agent = new Agent({
    connect: { timeout: limits.connectTimeoutMs },
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
  });
  return {
    close: () => agent.close(),
    async call(url, init, acceptsContentType) {
      const deadline = AbortSignal.timeout(limits.timeoutMs);
      let answer: Awaited<ReturnType<typeof request>>;
      try {
        answer = await request(url, { ...init, dispatcher: agent, signal: deadline });
      } catch (error) {
        throw new UpstreamFailure(isTimeout(error, deadline) ? "timeout" : "unreachable");
      }
      const { statusCode: status, headers, body } = answer;
      const declared = Number(headers["content-length"] ?? 0);
      const contentType = String(headers["content-type"] ?? "");
      const refuse = (kind: UpstreamFailureKind) => {
        body.destroy();
        return new UpstreamFailure(kind, status);
      };
      if (declared > limits.maxResponseBytes) throw refuse("too-large");
      // An empty answer (204, or 200 to an update) may come with any label or none.
      const mayBeEmpty = declared === 0 && !headers["transfer-encoding"];
      if (!mayBeEmpty && !acceptsContentType(contentType)) throw refuse("content-type");
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of body) {
          size += chunk.length;
          if (size > limits.maxResponseBytes) throw refuse("too-large");
          chunks.push(chunk);
        }
      } catch (error) {
        if (error instanceof UpstreamFailure) throw error;
        throw new UpstreamFailure(isTimeout(error, deadline) ? "timeout" : "unreachable", status);
      }
      if (size > 0 && !acceptsContentType(contentType))
        throw new UpstreamFailure("content-type", status);
      return { status, headers, body: Buffer.concat(chunks, size) };
    },
  };
}

function isTimeout(error: unknown, deadline: AbortSignal): boolean {
  const code = (error as { code?: string }).code;
  return (
    deadline.aborted ||
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT"
  );
}
