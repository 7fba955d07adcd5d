// Serving hygiene for every response: a request id, origin-form request targets only, the Host
// check against DNS rebinding, security headers with a strict CSP, and no caching of API answers.
import type { FastifyInstance } from "fastify";
import { ApiFailure } from "./errors.ts";
import { isOriginForm } from "./request-target.ts";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets CSS variables and style props inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=()",
};

// API answers are data, never a page: should one ever be rendered (an upstream that sends HTML
// in proxy mode, a link opened in a tab), it runs nothing and loads nothing in the console's origin.
const API_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

export type HygieneOptions = {
  /** Host names (without port) this server answers to; "*" turns the check off. */
  allowedHostNames: string[] | "*";
};

export function registerHygiene(app: FastifyInstance, options: HygieneOptions): void {
  const port = listeningPort(app);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("X-Request-Id", request.id);
    if (!isOriginForm(request.raw.url ?? "")) {
      throw new ApiFailure(400, "KPS.0002", "parameter error: the request target must be a path");
    }
    if (
      options.allowedHostNames !== "*" &&
      !hostAllowed(port(), request.headers.host, options.allowedHostNames)
    ) {
      throw new ApiFailure(421, "KPS.0002", "This server does not answer to that host name.");
    }
  });
  app.addHook("onSend", async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (isApiAnswer(request.raw.url ?? "")) {
      reply.header("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
      reply.header("Cache-Control", "no-store");
    }
    return payload;
  });
}

/** Everything but the console's own files, including refused request targets. */
function isApiAnswer(target: string): boolean {
  return !isOriginForm(target) || target.startsWith("/v3/") || /^\/healthz(\?|$)/.test(target);
}

/**
 * The port the server listens on, or null under inject(), where nothing listens. Remembered once
 * known: asking the socket on every request showed up in an export profile.
 */
function listeningPort(app: FastifyInstance): () => number | null {
  let port: number | null = null;
  return () => {
    if (port === null) {
      const address = app.server.address();
      if (address && typeof address !== "string") port = address.port;
    }
    return port;
  };
}

function hostAllowed(
  port: number | null,
  hostHeader: string | undefined,
  names: string[],
): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!names.includes(hostname)) return false;
  // Under inject() nothing listens, so only the name is checked.
  if (port === null) return true;
  return Number(url.port || 80) === port;
}
