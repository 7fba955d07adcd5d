// The bare route for the large list: what fetching every page costs with none of the console's
// work, so "sign-in to every page" has a baseline measured in the same page and run.
import type { Page } from "@playwright/test";

/**
 * Fetches every page of the list the way the console must (sequentially by marker, 1,000 a
 * page, the same token and headers) with plain fetch, reading each body as JSON and nothing
 * else: no schema check, no React, no cache. It includes the requests, the server's work, the
 * transfer and JSON.parse; it leaves out sign-in, loading the console's code and rendering.
 * Returns the milliseconds from the first request to the last body, and the rows read.
 */
export async function bareAllPages(
  page: Page,
  { token, projectId }: { token: string; projectId: string },
): Promise<{ ms: number; rows: number; pages: number }> {
  return page.evaluate<{ ms: number; rows: number; pages: number }>(`(async () => {
    const t0 = performance.now();
    ${pagesScript(projectId, JSON.stringify(token))}
    return { ms: performance.now() - t0, rows, pages };
  })()`);
}

/**
 * The whole sign-in over the bare route: the same token request the form sends (IAM's password
 * check is most of it), then every page with that token, as bareAllPages does. What the click on
 * Sign in to every page costs with none of the console's work.
 */
export async function bareSignInAndAllPages(
  page: Page,
  { signInBody, projectId }: { signInBody: string; projectId: string },
): Promise<{ ms: number; rows: number; pages: number }> {
  return page.evaluate<{ ms: number; rows: number; pages: number }>(`(async () => {
    const t0 = performance.now();
    const signIn = await fetch("/v3/auth/tokens", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json;charset=UTF-8" },
      body: ${JSON.stringify(signInBody)},
      credentials: "same-origin",
      cache: "no-store",
    });
    await signIn.json();
    const token = signIn.headers.get("X-Subject-Token");
    ${pagesScript(projectId, "token")}
    return { ms: performance.now() - t0, rows, pages };
  })()`);
}

/** The page loop, as script text run in the page with `token` the given expression. */
function pagesScript(projectId: string, token: string): string {
  return `
    const base = ${JSON.stringify(`/v3/${encodeURIComponent(projectId)}/keypairs`)};
    const headers = { Accept: "application/json", "X-Auth-Token": ${token} };
    let marker = null;
    let rows = 0;
    let pages = 0;
    for (;;) {
      const params = new URLSearchParams({ limit: "1000" });
      if (marker) params.set("marker", marker);
      const response = await fetch(base + "?" + params, {
        headers,
        credentials: "same-origin",
        cache: "no-store",
      });
      const body = await response.json();
      pages += 1;
      const keypairs = body.keypairs || [];
      rows += keypairs.length;
      const next = body.page_info && body.page_info.next_marker;
      if (!next || next === marker || keypairs.length === 0) break;
      marker = next;
    }`;
}
