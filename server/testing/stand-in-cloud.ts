// A stand-in for the real cloud (KPS + IAM), for proxy-mode tests. It answers the way the
// published documents say the real service MAY, which is deliberately not how the embedded
// server answers (kps-api.md section 7): frozen_state as a number in the list and a string in
// the detail, unknown fields, no page_info on the last page, pages smaller than the limit asked
// for, a zip labelled application/octet-stream, Chinese messages, the gateway's and Keystone's
// error shapes. It serves recorded shapes from data built at start; it is not a KPS and must
// never import the embedded store. Some key-pair names trigger one misbehaviour each when they
// are in a batch export (SHAPE_KEYS).
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Algorithm } from "../../contract/kps.ts";
import { generateSshKey } from "../keys/ssh-keys.ts";
import { zipPrivateKeys } from "../kps/keypairs-zip.ts";

export const STAND_IN = {
  account: "demo",
  user: "alice",
  password: "KpsDemo#2026",
  project: "cn-north-4",
  projectId: "5c9e3f0a1b2d4e6f8a0b1c2d3e4f5a6b",
  otherProject: "ap-southeast-1",
  otherProjectId: "7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a",
  domainId: "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0",
  userId: "a11ce0000000000000000000000a11ce",
  /** Real services may cap a page below the limit asked for; the console must follow markers. */
  pageCap: 20,
  retryAfterSeconds: 7,
} as const;

/** Names that make a batch export misbehave, each in one way. All are listed as hosted. */
export const SHAPE_KEYS = {
  truncated: "shape-truncated",
  throttled: "shape-throttled",
  notHostedChinese: "shape-not-hosted-cn",
  frozenChinese: "shape-frozen-cn",
  gone404: "shape-gone-404",
  gone6004: "shape-gone-6004",
  signedOut: "shape-signed-out",
  html: "shape-html",
  slow: "shape-slow",
  garbled: "shape-garbled",
} as const;

/** Plain rows: exportable, then one not hosted and one frozen (frozen_state 4 as a number). */
export const PLAIN_COUNT = 32;
export const NOT_HOSTED = "plain-not-hosted";
export const FROZEN = "plain-frozen";

type StoredKeypair = {
  name: string;
  algorithm: Algorithm;
  publicKey: string;
  fingerprint: string;
  privateKey: string;
  hosted: boolean;
  frozenState: number;
  scope: "domain" | "user";
  createTime: number;
};

export type ServedExport = { names: string[]; sha256: string; bytes: number; label: string };

export type StandInCloud = {
  server: Server;
  keypairs: Map<string, StoredKeypair>;
  /** What every batch export answered with, so a test can compare the bytes the user saved. */
  exports: ServedExport[];
  listen(port: number): Promise<number>;
  close(): Promise<void>;
};

export type StandInOptions = { slowMs?: number };

const ALGORITHMS: Algorithm[] = ["SSH_ED25519", "ECDSA_NISTP256", "SSH_ED25519", "ECDSA_NISTP384"];

function hex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

export function plainName(index: number): string {
  return `plain-${String(index).padStart(2, "0")}`;
}

async function buildKeypairs(): Promise<Map<string, StoredKeypair>> {
  const specs: { name: string; algorithm: Algorithm; hosted: boolean; frozenState: number }[] = [];
  for (let index = 1; index <= PLAIN_COUNT; index += 1) {
    const algorithm =
      index <= 2 ? "SSH_RSA_2048" : (ALGORITHMS[index % ALGORITHMS.length] ?? "SSH_ED25519");
    specs.push({ name: plainName(index), algorithm, hosted: true, frozenState: 0 });
  }
  specs.push({ name: NOT_HOSTED, algorithm: "SSH_ED25519", hosted: false, frozenState: 0 });
  specs.push({ name: FROZEN, algorithm: "SSH_ED25519", hosted: true, frozenState: 4 });
  for (const name of Object.values(SHAPE_KEYS)) {
    specs.push({ name, algorithm: "SSH_ED25519", hosted: true, frozenState: 0 });
  }
  const base = Date.UTC(2026, 0, 5, 9, 30);
  const generated = await Promise.all(
    specs.map(async (spec, index) => {
      const key = await generateSshKey(spec.algorithm);
      return {
        ...spec,
        publicKey: key.publicKey,
        fingerprint: key.fingerprint,
        privateKey: key.privateKey,
        scope: index % 3 === 0 ? ("domain" as const) : ("user" as const),
        createTime: base + index * 60_000,
      };
    }),
  );
  return new Map(generated.map((keypair) => [keypair.name, keypair]));
}

type Reply = {
  status: number;
  body?: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
  delayMs?: number;
};

const JSON_TYPE = "application/json;charset=UTF-8";

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(value), type: JSON_TYPE, headers };
}

function kpsError(status: number, code: string, message: string): Reply {
  return json(status, { error_code: code, error_msg: message });
}

function keystoneError(status: number, title: string, message: string): Reply {
  return json(status, { error: { code: status, message, title } });
}

/** The API gateway's refusal, with its request id in the body as the gateway sends it. */
function gatewayUnauthorized(why: string): Reply {
  const requestId = hex(16);
  return json(
    401,
    {
      error_code: "APIGW.0301",
      error_msg: `Incorrect IAM authentication information: ${why}`,
      request_id: requestId,
    },
    { "X-Request-Id": requestId },
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > 1024 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function createStandInCloud(options: StandInOptions = {}): Promise<StandInCloud> {
  const slowMs = options.slowMs ?? 4000;
  const keypairs = await buildKeypairs();
  const tokens = new Map<string, { projectId: string; projectName: string }>();
  const exports: ServedExport[] = [];
  const projects = [
    { id: STAND_IN.projectId, name: STAND_IN.project },
    { id: STAND_IN.otherProjectId, name: STAND_IN.otherProject },
  ];

  function issueToken(projectRef: { id?: unknown; name?: unknown }): Reply {
    const project = projects.find(
      (candidate) => candidate.id === projectRef.id || candidate.name === projectRef.name,
    );
    if (!project) return keystoneError(404, "Not Found", "Could not find project.");
    // Real IAM tokens are long opaque strings starting with MII.
    const token = `MIIstandin${randomBytes(48).toString("base64url")}`;
    tokens.set(token, { projectId: project.id, projectName: project.name });
    const now = Date.now();
    const domain = { id: STAND_IN.domainId, name: STAND_IN.account };
    return json(
      201,
      {
        token: {
          expires_at: new Date(now + 24 * 3600_000).toISOString(),
          issued_at: new Date(now).toISOString(),
          methods: ["password"],
          catalog: [],
          project: { id: project.id, name: project.name, domain },
          user: {
            id: STAND_IN.userId,
            name: STAND_IN.user,
            domain,
            password_expires_at: "",
          },
          roles: [{ id: hex(16), name: "te_admin" }],
        },
      },
      { "X-Subject-Token": token },
    );
  }

  async function authTokens(request: IncomingMessage): Promise<Reply> {
    const body = parseJson(await readBody(request)) as
      | {
          auth?: {
            identity?: {
              methods?: string[];
              password?: {
                user?: { name?: string; password?: string; domain?: { name?: string } };
              };
              token?: { id?: string };
            };
            scope?: { project?: { id?: unknown; name?: unknown } };
          };
        }
      | undefined;
    const identity = body?.auth?.identity;
    const scope = body?.auth?.scope?.project ?? {};
    if (identity?.methods?.[0] === "token") {
      if (!identity.token?.id || !tokens.has(identity.token.id)) {
        return keystoneError(
          401,
          "Unauthorized",
          "The request you have made requires authentication.",
        );
      }
      return issueToken(scope);
    }
    const user = identity?.password?.user;
    if (
      user?.name !== STAND_IN.user ||
      user.password !== STAND_IN.password ||
      user.domain?.name !== STAND_IN.account
    ) {
      return keystoneError(401, "Unauthorized", "The username or password is wrong.");
    }
    return issueToken(scope);
  }

  function listPage(url: URL): Reply {
    const limit = Number(url.searchParams.get("limit") ?? 50);
    const size = Math.min(Number.isInteger(limit) && limit > 0 ? limit : 50, STAND_IN.pageCap);
    const marker = url.searchParams.get("marker");
    const sorted = [...keypairs.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    const start = marker ? sorted.findIndex((keypair) => keypair.name > marker) : 0;
    const page = start < 0 ? [] : sorted.slice(start, start + size);
    const more = start >= 0 && start + size < sorted.length;
    const body: Record<string, unknown> = {
      keypairs: page.map((keypair) => ({
        keypair: {
          name: keypair.name,
          type: "ssh",
          scope: keypair.scope,
          public_key: keypair.publicKey,
          fingerprint: keypair.fingerprint,
          is_key_protection: keypair.hosted,
          frozen_state: keypair.frozenState,
          // Fields the console has never heard of: they must be ignored.
          key_protection_version: 2,
          tags: [],
        },
      })),
    };
    // On the last page the real service may leave page_info out entirely.
    if (more) {
      body.page_info = {
        next_marker: page.at(-1)?.name,
        current_count: page.length,
      };
    }
    return json(200, body);
  }

  function detail(name: string): Reply {
    const keypair = keypairs.get(name);
    if (!keypair) return kpsError(400, "KPS.6004", "No Keypair find");
    return json(200, {
      keypair: {
        id: String(keypair.createTime % 100_000),
        name: keypair.name,
        type: "ssh",
        scope: keypair.scope,
        public_key: keypair.publicKey,
        fingerprint: keypair.fingerprint,
        is_key_protection: keypair.hosted,
        // A string here, where the documents say integer.
        frozen_state: String(keypair.frozenState),
        description: null,
        user_id: STAND_IN.userId,
        create_time: keypair.createTime,
        update_time: keypair.createTime,
        delete_time: null,
        deleted: false,
        algorithm: keypair.algorithm,
        region_id: STAND_IN.project,
      },
    });
  }

  function served(names: string[], zip: Buffer, label: string): void {
    exports.push({
      names,
      sha256: createHash("sha256").update(zip).digest("hex"),
      bytes: zip.length,
      label,
    });
  }

  function zipOf(names: string[]): Buffer {
    return zipPrivateKeys(
      names.map((name) => {
        const keypair = keypairs.get(name) as StoredKeypair;
        return {
          name,
          privateKey: Buffer.from(keypair.privateKey),
          fingerprint: keypair.fingerprint,
        };
      }),
    );
  }

  async function batchExport(request: IncomingMessage, token: string): Promise<Reply> {
    const body = parseJson(await readBody(request));
    if (!Array.isArray(body) || body.length < 1 || body.length > 10) {
      return kpsError(400, "KPS.0002", "parameter error");
    }
    const names = body.map((item) => String(item?.keypair?.name ?? ""));
    const has = (name: string) => names.includes(name);
    const zipHeaders = { "Content-Disposition": 'attachment; filename="keypairs.zip"' };

    if (has(SHAPE_KEYS.throttled)) {
      const requestId = hex(16);
      return json(
        429,
        {
          error_code: "APIGW.0308",
          error_msg: "The throttling threshold has been reached: policy user over ratelimit",
          request_id: requestId,
        },
        { "Retry-After": String(STAND_IN.retryAfterSeconds), "X-Request-Id": requestId },
      );
    }
    if (has(SHAPE_KEYS.signedOut)) {
      tokens.delete(token);
      return gatewayUnauthorized("token has been revoked");
    }
    if (has(SHAPE_KEYS.html)) {
      return {
        status: 200,
        type: "text/html;charset=UTF-8",
        body: "<!doctype html><title>Portal</title><script>document.title='pwned'</script>",
      };
    }
    if (has(SHAPE_KEYS.garbled)) {
      // Labelled JSON, cut short: what a gateway in trouble may send.
      return { status: 500, type: JSON_TYPE, body: '{"error_code":"KPS.00' };
    }
    if (has(SHAPE_KEYS.notHostedChinese)) {
      // Someone cleared it: the next list shows it not hosted.
      const keypair = keypairs.get(SHAPE_KEYS.notHostedChinese);
      if (keypair) keypair.hosted = false;
      return kpsError(400, "KPS.6005", "未托管私钥");
    }
    if (has(SHAPE_KEYS.frozenChinese)) {
      const keypair = keypairs.get(SHAPE_KEYS.frozenChinese);
      if (keypair) keypair.frozenState = 1;
      return kpsError(403, "KPS.9004", "密钥对已被冻结");
    }
    if (has(SHAPE_KEYS.gone404)) {
      keypairs.delete(SHAPE_KEYS.gone404);
      return json(404, { message: "Not Found" });
    }
    if (has(SHAPE_KEYS.gone6004)) {
      keypairs.delete(SHAPE_KEYS.gone6004);
      return kpsError(400, "KPS.6004", "No Keypair find");
    }
    for (const name of names) {
      const keypair = keypairs.get(name);
      if (!keypair) return kpsError(400, "KPS.4016", "The key pair is not exist");
      if (!keypair.hosted) return kpsError(400, "KPS.6005", "No private key managed");
      if (keypair.frozenState !== 0) return kpsError(403, "KPS.9004", "The account is frozen");
    }
    const zip = zipOf(names);
    if (has(SHAPE_KEYS.truncated)) {
      const half = zip.subarray(0, Math.floor(zip.length / 2));
      served(names, half, "application/octet-stream");
      return { status: 200, type: "application/octet-stream", body: half, headers: zipHeaders };
    }
    served(names, zip, "application/octet-stream");
    return {
      status: 200,
      type: "application/octet-stream",
      body: zip,
      headers: zipHeaders,
      delayMs: has(SHAPE_KEYS.slow) ? slowMs : 0,
    };
  }

  async function kps(request: IncomingMessage, url: URL, rest: string[]): Promise<Reply> {
    const [projectId, ...path] = rest;
    const token = String(request.headers["x-auth-token"] ?? "");
    const session = tokens.get(token);
    if (!session) {
      return gatewayUnauthorized(token ? "token is invalid or expired" : "token is missing");
    }
    if (session.projectId !== projectId) {
      return kpsError(403, "KPS.9003", "No operation permission");
    }
    if (path[0] !== "keypairs")
      return json(404, { error_code: "APIGW.0101", error_msg: "The API does not exist" });
    if (request.method === "GET" && path.length === 1) return listPage(url);
    if (request.method === "GET" && path.length === 2)
      return detail(decodeURIComponent(path[1] ?? ""));
    if (request.method === "POST" && path.join("/") === "keypairs/private-key/batch-export") {
      return batchExport(request, token);
    }
    return kpsError(400, "KPS.0002", "parameter error");
  }

  async function route(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? "/", "http://stand-in.invalid");
    const method = request.method ?? "GET";
    if (url.pathname === "/healthz") return json(200, { ok: true });
    if (url.pathname === "/__stand-in/exports") return json(200, exports);
    if (url.pathname === "/v3/auth/tokens") {
      if (method === "POST") return authTokens(request);
      if (method === "DELETE") {
        tokens.delete(String(request.headers["x-subject-token"] ?? ""));
        return { status: 204 };
      }
      // KeystoneValidateToken: the proxy's export log asks IAM who a token belongs to.
      if (method === "GET") {
        const subject = String(request.headers["x-subject-token"] ?? "");
        const session = tokens.get(subject);
        if (!tokens.has(String(request.headers["x-auth-token"] ?? "")) || !session)
          return keystoneError(404, "Not Found", "The token could not be found.");
        const domain = { id: STAND_IN.domainId, name: STAND_IN.account };
        return json(
          200,
          {
            token: {
              methods: ["password"],
              project: { id: session.projectId, name: session.projectName, domain },
              user: { id: STAND_IN.userId, name: STAND_IN.user, domain },
            },
          },
          { "X-Subject-Token": subject },
        );
      }
    }
    if (url.pathname === "/v3/auth/projects" && method === "GET") {
      if (!tokens.has(String(request.headers["x-auth-token"] ?? ""))) {
        return keystoneError(
          401,
          "Unauthorized",
          "The request you have made requires authentication.",
        );
      }
      return json(200, {
        projects: projects.map((project) => ({
          ...project,
          domain_id: STAND_IN.domainId,
          enabled: true,
          description: "",
          is_domain: false,
          parent_id: STAND_IN.domainId,
          links: { self: `https://iam.example.invalid/v3/projects/${project.id}` },
        })),
        links: { self: "https://iam.example.invalid/v3/auth/projects" },
      });
    }
    const segments = url.pathname.split("/").filter(Boolean);
    if (segments[0] === "v3" && segments.length >= 3) return kps(request, url, segments.slice(1));
    return json(404, { error_code: "APIGW.0101", error_msg: "The API does not exist" });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await route(request);
    } catch {
      reply = kpsError(500, "KPS.0004", "Response error");
    }
    const headers: Record<string, string> = { "X-Request-Id": hex(16), ...reply.headers };
    if (reply.type) headers["Content-Type"] = reply.type;
    const body = reply.body ?? "";
    headers["Content-Length"] = String(Buffer.byteLength(body));
    const send = () => {
      if (response.destroyed) return;
      response.writeHead(reply.status, headers);
      response.end(body);
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
    else send();
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  return {
    server,
    keypairs,
    exports,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
