import { apiSignIn, EXPORT_REASON_HEADERS, expect, test } from "./fixtures.ts";

// The headers security.md asks for, on every kind of answer the console server gives: the app,
// its assets, API successes and failures, the zip, and unknown paths.
test("every response carries the security headers, by route and status", async ({ request }) => {
  const api = await apiSignIn(request);
  const auth = { "X-Auth-Token": api.token };
  const exporting = { ...auth, ...EXPORT_REASON_HEADERS };
  const base = `/v3/${api.projectId}/keypairs`;
  const html = await request.get("/");
  const asset = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  expect(asset).toBeTruthy();
  const cases: [string, () => ReturnType<typeof request.get>][] = [
    ["GET / (app)", () => request.get("/")],
    ["GET /some/deep/link (app)", () => request.get("/some/deep/link")],
    [`GET ${asset}`, () => request.get(asset ?? "/")],
    ["GET /healthz", () => request.get("/healthz")],
    [
      "POST /v3/auth/tokens (wrong password)",
      () =>
        request.post("/v3/auth/tokens", {
          data: {
            auth: {
              identity: {
                methods: ["password"],
                password: { user: { name: "alice", password: "nope", domain: { name: "demo" } } },
              },
              scope: { project: { name: "cn-north-4" } },
            },
          },
        }),
    ],
    ["GET keypairs (no token)", () => request.get(base)],
    ["GET keypairs", () => request.get(`${base}?limit=5`, { headers: auth })],
    ["GET keypairs/{unknown}", () => request.get(`${base}/does-not-exist`, { headers: auth })],
    [
      "POST batch-export (zip)",
      () =>
        request.post(`${base}/private-key/batch-export`, {
          headers: exporting,
          data: [{ keypair: { name: "web-01" } }],
        }),
    ],
    [
      "POST batch-export (not hosted)",
      () =>
        request.post(`${base}/private-key/batch-export`, {
          headers: exporting,
          data: [{ keypair: { name: "legacy-01" } }],
        }),
    ],
    [
      "POST batch-export (text/plain)",
      () =>
        request.post(`${base}/private-key/batch-export`, {
          headers: { ...exporting, "Content-Type": "text/plain" },
          data: "[]",
        }),
    ],
    ["GET /v3/unknown", () => request.get("/v3/unknown/path")],
  ];
  const table: string[] = [];
  for (const [label, send] of cases) {
    const response = await send();
    const headers = response.headers();
    const api =
      label.includes("keypairs") ||
      label.includes("/v3/") ||
      label.includes("batch-export") ||
      label.includes("healthz");
    table.push(`${label} -> ${response.status()}`);
    // The console's pages get the console's policy; API answers are data that must never run.
    expect(headers["content-security-policy"], label).toContain(
      api ? "sandbox; default-src 'none'" : "default-src 'self'",
    );
    expect(headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], label).toBe("nosniff");
    expect(headers["referrer-policy"], label).toBe("no-referrer");
    expect(headers["x-frame-options"], label).toBe("DENY");
    expect(headers["x-request-id"], label).toMatch(/^[0-9a-f]{32}$/);
    expect(headers["access-control-allow-origin"], label).toBeUndefined();
    if (api) expect(headers["cache-control"], label).toBe("no-store");
    if (label.endsWith("(zip)")) {
      expect(response.status()).toBe(200);
      expect(headers["content-type"]).toBe("application/zip");
      expect(headers["content-disposition"]).toBe('attachment; filename="keypairs.zip"');
      expect(Number(headers["content-length"])).toBe((await response.body()).length);
    }
  }
  console.log(`security headers checked on:\n  ${table.join("\n  ")}`);
});
