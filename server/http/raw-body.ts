// The body bytes as they arrived, kept beside the parsed JSON: a request signature covers the
// SHA-256 of exactly these bytes, which re-serialising the parsed body would not reproduce.
import type { FastifyRequest } from "fastify";

const bodies = new WeakMap<FastifyRequest, Buffer>();

export function keepRawBody(request: FastifyRequest, body: string | Buffer): void {
  bodies.set(request, typeof body === "string" ? Buffer.from(body, "utf8") : body);
}

export function rawBody(request: FastifyRequest): Buffer {
  return bodies.get(request) ?? Buffer.alloc(0);
}
