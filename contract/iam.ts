// The IAM v3 wire contract the console and the embedded server share (section 6 of kps-api.md).
import { z } from "zod/mini";

export const KPS_ACTIONS = [
  "kps:SSHKeyPair:list",
  "kps:SSHKeyPair:get",
  "kps:SSHKeyPair:create",
  "kps:SSHKeyPair:delete",
  "kps:SSHKeyPair:importPrivateKey",
  "kps:SSHKeyPair:exportPrivateKey",
  "kps:SSHKeyPair:clearPrivateKey",
  "kps:SSHKeyPair:update",
] as const;
/** Reading the export history (issue 15): Cloud Trace Service's own action, not a KPS one. */
export const CTS_ACTIONS = ["cts:trace:list"] as const;
/** Every action the console asks about; named for KPS since most of them are. */
export type KpsAction = (typeof KPS_ACTIONS)[number] | (typeof CTS_ACTIONS)[number];

export const POLICIES = {
  "DEW KeypairFullAccess": KPS_ACTIONS,
  "DEW KeypairReadOnlyAccess": ["kps:SSHKeyPair:list", "kps:SSHKeyPair:get"],
  // Granted beside a DEW policy: a token's roles list both, and any role may grant an action.
  "CTS ReadOnlyAccess": CTS_ACTIONS,
} as const satisfies Record<string, readonly KpsAction[]>;
export type PolicyName = keyof typeof POLICIES;

const nameAndId = z.object({ id: z.string(), name: z.string() });
const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const projectScope = z.strictObject({
  project: z.union([z.strictObject({ id: bounded(64) }), z.strictObject({ name: bounded(64) })]),
});

export const passwordAuthRequestSchema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.tuple([z.literal("password")]),
      password: z.strictObject({
        user: z.strictObject({
          name: bounded(64),
          password: bounded(128),
          domain: z.strictObject({ name: bounded(64) }),
        }),
      }),
    }),
    scope: projectScope,
  }),
});

/**
 * Password and a virtual MFA code in one request, as Huawei's IAM SDK models have it
 * (KeystoneCreateUserTokenByPasswordAndMfa: MfaIdentity, MfaTotp, MfaTotpUser{id, passcode}).
 */
export const passwordTotpAuthRequestSchema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.tuple([z.literal("password"), z.literal("totp")]),
      password: z.strictObject({
        user: z.strictObject({
          name: bounded(64),
          password: bounded(128),
          domain: z.strictObject({ name: bounded(64) }),
        }),
      }),
      totp: z.strictObject({
        user: z.strictObject({ id: bounded(64), passcode: bounded(16) }),
      }),
    }),
    scope: projectScope,
  }),
});

export const tokenAuthRequestSchema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.tuple([z.literal("token")]),
      token: z.strictObject({ id: bounded(512) }),
    }),
    scope: projectScope,
  }),
});

const withDomain = z.extend(nameAndId, { domain: z.optional(nameAndId) });

export const tokenResponseSchema = z.object({
  token: z.object({
    expires_at: z.string(),
    issued_at: z.optional(z.string()),
    methods: z.optional(z.array(z.string())),
    project: withDomain,
    user: withDomain,
    roles: z.optional(z.array(z.object({ name: z.string(), id: z.optional(z.string()) }))),
  }),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const projectsResponseSchema = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      domain_id: z.optional(z.string()),
      enabled: z.optional(z.boolean()),
      description: z.nullish(z.string()),
    }),
  ),
});
export type ProjectsResponse = z.infer<typeof projectsResponseSchema>;

/** The body of a password sign-in scoped to a project by name (IAM's POST /v3/auth/tokens). */
export function passwordAuthRequest(
  account: string,
  user: string,
  password: string,
  project: string,
) {
  return {
    auth: {
      identity: {
        methods: ["password"] as ["password"],
        password: { user: { name: user, password, domain: { name: account } } },
      },
      scope: { project: { name: project } as { name: string } | { id: string } },
    },
  };
}
