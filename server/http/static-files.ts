// Serves the built console; any other GET that is not an API path gets index.html (the SPA).
import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export async function registerStaticFiles(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(distDir)) {
    app.log.warn(`${distDir} does not exist: run "npm run build" to serve the console.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: ["index.html"],
    setHeaders: (res, path) => {
      // Hashed assets never change; index.html must always be fresh.
      res.header(
        "Cache-Control",
        path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  app.get("/*", (request, reply) => {
    if (request.url.startsWith("/v3/")) return reply.callNotFound();
    return reply.header("Cache-Control", "no-cache").sendFile("index.html");
  });
}
