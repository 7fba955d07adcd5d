// The SDK-HMAC-SHA256 request signature of Huawei's SDK cores (kps-api.md section 8), rebuilt
// from what arrived: exactly the headers SignedHeaders lists, the path and query re-encoded by
// the cores' rules, the body's own SHA-256. Nothing here trusts the client's canonical form.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

export type SignedAuthorization = { access: string; signedHeaders: string[]; signature: string };

export type ArrivedRequest = {
  method: string;
  /** The request target as it arrived: path and query, still percent-encoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

export class SignatureRefused extends Error {}

const AUTHORIZATION =
  /^SDK-HMAC-SHA256 +Access=([^,\s]{1,128}), *SignedHeaders=([a-z0-9;_.-]{1,1024}), *Signature=([0-9a-f]{64})$/;

export function isSigned(authorization: unknown): authorization is string {
  return typeof authorization === "string" && authorization.startsWith(`${SIGNING_ALGORITHM} `);
}

export function parseAuthorization(authorization: string): SignedAuthorization {
  const match = AUTHORIZATION.exec(authorization);
  if (!match?.[1] || !match[2] || !match[3])
    throw new SignatureRefused("the Authorization header is malformed");
  const signedHeaders = match[2].split(";");
  if (signedHeaders.some((h) => h.length === 0))
    throw new SignatureRefused("SignedHeaders is malformed");
  // Without its date signed, a captured request could be replayed under any date.
  if (!signedHeaders.includes("x-sdk-date"))
    throw new SignatureRefused("x-sdk-date is not among the signed headers");
  return { access: match[1], signedHeaders, signature: match[3] };
}

/** X-Sdk-Date as milliseconds, refused when malformed or more than 15 minutes off the clock. */
export function checkDate(value: unknown, now: number): void {
  const match =
    typeof value === "string" && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) throw new SignatureRefused("X-Sdk-Date is missing or malformed");
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const at = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  if (Number.isNaN(at) || Math.abs(now - at) > MAX_CLOCK_SKEW_MS)
    throw new SignatureRefused("X-Sdk-Date is more than 15 minutes from the server's time");
}

export function canonicalRequest(request: ArrivedRequest, signedHeaders: string[]): string {
  const [rawPath = "/", rawQuery = ""] = splitTarget(request.url);
  const headerLines = signedHeaders.map((name) => {
    const value = request.headers[name];
    if (value === undefined) throw new SignatureRefused(`the signed header ${name} is missing`);
    return `${name}:${(Array.isArray(value) ? value.join(",") : value).trim()}\n`;
  });
  return [
    request.method.toUpperCase(),
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    headerLines.join(""),
    signedHeaders.join(";"),
    payloadHash(request),
  ].join("\n");
}

export function expectedSignature(secret: Buffer, date: string, canonical: string): string {
  const stringToSign = [SIGNING_ALGORITHM, date, sha256Hex(canonical)].join("\n");
  return createHmac("sha256", secret).update(stringToSign, "utf8").digest("hex");
}

export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function payloadHash(request: ArrivedRequest): string {
  const actual = sha256Hex(request.body);
  const declared = request.headers["x-sdk-content-sha256"];
  if (declared === undefined) return actual;
  if (typeof declared !== "string") throw new SignatureRefused("X-Sdk-Content-Sha256 is repeated");
  // Every route here takes JSON, which the cores always hash: an unsigned payload is only
  // believed when there is none, and a declared hash must be the body's.
  if (declared === UNSIGNED_PAYLOAD && request.body.length === 0) return declared;
  if (declared !== actual)
    throw new SignatureRefused("X-Sdk-Content-Sha256 does not match the body");
  return declared;
}

function splitTarget(url: string): [string, string] {
  const at = url.indexOf("?");
  return at < 0 ? [url, ""] : [url.slice(0, at), url.slice(at + 1)];
}

function canonicalPath(rawPath: string): string {
  const path = rawPath
    .split("/")
    .map((segment) => encode(decode(segment, false)))
    .join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const pairs = rawQuery
    .split("&")
    .filter((part) => part.length > 0)
    .map((part) => {
      const at = part.indexOf("=");
      const [name, value] = at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
      return [encode(decode(name, true)), encode(decode(value, true))] as const;
    });
  // The cores sort by name and then a repeated name's values; code-unit order, as JS sort.
  pairs.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** In a query a `+` is a space (form encoding); in a path it is itself. */
function decode(component: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? component.replaceAll("+", " ") : component);
  } catch {
    throw new SignatureRefused("the request target is not valid percent-encoding");
  }
}

/** RFC 3986 unreserved characters stay; every other byte of the UTF-8 is %XX, upper-case. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
