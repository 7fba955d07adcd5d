// Every route the app registers, so the authorization matrix can fail when a new route is
// missing from it instead of silently leaving it untested.
import type { FastifyInstance } from "fastify";

const lists = new WeakMap<FastifyInstance, string[]>();

export function trackRoutes(app: FastifyInstance): void {
  const list: string[] = [];
  lists.set(app, list);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) list.push(`${method} ${route.url}`);
  });
}

export function registeredRoutes(app: FastifyInstance): string[] {
  return [...(lists.get(app) ?? [])];
}
