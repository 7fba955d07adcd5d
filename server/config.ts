// Reads the console server's configuration from the environment, in one place.
import { isIP } from "node:net";
import { resolve } from "node:path";

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /** Seed the demo account; never by default on a non-loopback address. */
  demo: boolean;
  /** Proxy mode when both are set: forward /v3 to the real cloud, open no store. */
  kpsEndpoint: string | null;
  iamEndpoint: string | null;
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
  const kpsEndpoint = env.KPS_ENDPOINT || null;
  const iamEndpoint = env.IAM_ENDPOINT || null;
  if (Boolean(kpsEndpoint) !== Boolean(iamEndpoint)) {
    throw new Error("Proxy mode needs both KPS_ENDPOINT and IAM_ENDPOINT.");
  }
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
    exportRateLimit: Number(env.KPS_EXPORT_RATE_LIMIT || 30),
    createRateLimit: positive(env, "KPS_CREATE_RATE_LIMIT", 30),
    auditFailuresPerMinute: positive(env, "KPS_AUDIT_FAILURES_PER_MINUTE", 60),
    auditRetentionDays: positive(env, "KPS_AUDIT_RETENTION_DAYS", 400),
    trustedProxies: (env.KPS_TRUSTED_PROXIES || "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    extraAllowedHosts: (env.KPS_ALLOWED_HOSTS || "").split(",").filter(Boolean),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number: ${text}`);
  return value;
}
