// Reads the console server's configuration from the environment, in one place.
import { isIP } from "node:net";
import { resolve } from "node:path";
import {
  DEFAULT_EXPORT_POLICY,
  EXPORT_REASON_MODES,
  type ExportPolicy,
  type ExportReasonMode,
} from "../contract/export-audit.ts";
import { REQUEST_TIMEOUT_MS } from "./app.ts";
import { LIMIT_DEFAULTS } from "./embedded-kps.ts";
import { DEFAULT_UPSTREAM_LIMITS } from "./proxy/cloud-proxy.ts";
import type { UpstreamLimits } from "./proxy/upstream.ts";

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /** Seed the demo account; never by default on a non-loopback address. */
  demo: boolean;
  /** Proxy mode when both are set: forward /v3 to the real cloud, open no store. */
  kpsEndpoint: string | null;
  iamEndpoint: string | null;
  /** Cloud Trace Service, for the export history in proxy mode; optional. */
  ctsEndpoint: string | null;
  /** Issue 15: the export reason's mode and the step-up window. */
  exportPolicy: ExportPolicy;
  /** Whether the demo gives sam a virtual MFA device (KPS_DEMO_MFA, on by default). */
  demoMfa: boolean;
  upstreamLimits: UpstreamLimits;
  exportRateLimit: number;
  createRateLimit: number;
  auditFailuresPerMinute: number;
  auditRetentionDays: number;
  trustedProxies: string[];
  extraAllowedHosts: string[];
};

export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || "127.0.0.1";
  const port = Number(env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port: ${env.PORT}`);
  const kpsEndpoint = endpoint("KPS_ENDPOINT", env.KPS_ENDPOINT);
  const iamEndpoint = endpoint("IAM_ENDPOINT", env.IAM_ENDPOINT);
  const ctsEndpoint = endpoint("CTS_ENDPOINT", env.CTS_ENDPOINT);
  const reasonMode = (env.KPS_EXPORT_REASON ||
    DEFAULT_EXPORT_POLICY.reasonMode) as ExportReasonMode;
  if (!EXPORT_REASON_MODES.includes(reasonMode))
    throw new Error(`KPS_EXPORT_REASON must be one of ${EXPORT_REASON_MODES.join(", ")}.`);
  if (Boolean(kpsEndpoint) !== Boolean(iamEndpoint)) {
    throw new Error("Proxy mode needs both KPS_ENDPOINT and IAM_ENDPOINT.");
  }
  const upstreamLimits: UpstreamLimits = {
    connectTimeoutMs: positive(
      env,
      "KPS_PROXY_CONNECT_TIMEOUT_MS",
      DEFAULT_UPSTREAM_LIMITS.connectTimeoutMs,
    ),
    timeoutMs: positive(env, "KPS_PROXY_TIMEOUT_MS", DEFAULT_UPSTREAM_LIMITS.timeoutMs),
    maxResponseBytes: positive(
      env,
      "KPS_PROXY_MAX_RESPONSE_BYTES",
      DEFAULT_UPSTREAM_LIMITS.maxResponseBytes,
    ),
  };
  // Past the console server's own request timeout the browser gets a closed connection instead
  // of the proxy's 504: the upstream deadline must leave room for the answer.
  if (upstreamLimits.timeoutMs > REQUEST_TIMEOUT_MS - 1_000)
    throw new Error(`KPS_PROXY_TIMEOUT_MS must be at most ${REQUEST_TIMEOUT_MS - 1_000}.`);
  const demoSetting = env.KPS_DEMO;
  const demo =
    demoSetting === undefined || demoSetting === "" ? isLoopback(host) : demoSetting === "1";
  return {
    host,
    port,
    dataDir: resolve(env.KPS_DATA_DIR || ".data"),
    demo: demo && !kpsEndpoint,
    kpsEndpoint,
    iamEndpoint,
    ctsEndpoint,
    exportPolicy: {
      reasonMode,
      freshAuthSeconds: positive(
        env,
        "KPS_EXPORT_FRESH_AUTH_S",
        DEFAULT_EXPORT_POLICY.freshAuthSeconds,
      ),
    },
    demoMfa: env.KPS_DEMO_MFA !== "0",
    upstreamLimits,
    exportRateLimit: Number(env.KPS_EXPORT_RATE_LIMIT || 30),
    createRateLimit: positive(env, "KPS_CREATE_RATE_LIMIT", LIMIT_DEFAULTS.createRateLimit),
    auditFailuresPerMinute: positive(
      env,
      "KPS_AUDIT_FAILURES_PER_MINUTE",
      LIMIT_DEFAULTS.auditFailuresPerMinute,
    ),
    auditRetentionDays: positive(
      env,
      "KPS_AUDIT_RETENTION_DAYS",
      LIMIT_DEFAULTS.auditRetentionDays,
    ),
    trustedProxies: (env.KPS_TRUSTED_PROXIES || "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    extraAllowedHosts: (env.KPS_ALLOWED_HOSTS || "").split(",").filter(Boolean),
  };
}

/**
 * A cloud endpoint: an http(s) origin with an optional path prefix, nothing else. Tokens go
 * there, so plain http is allowed only to this machine (a stand-in cloud in tests).
 */
function endpoint(name: string, value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: ${value}`);
  }
  if (url.username || url.password || url.search || url.hash)
    throw new Error(
      `${name} must be an origin with an optional path, without credentials or query.`,
    );
  const loopback = isLoopback(url.hostname.replace(/^\[(.*)\]$/, "$1"));
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new Error(`${name} must use https (plain http only to a loopback address).`);
  return url.href;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw new Error(`${name} must be a positive integer.`);
  return number;
}
