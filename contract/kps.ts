// The KPS v3 wire contract (../shared/kps-api.md), shared by the console and the embedded server.
// Response schemas are liberal on purpose: the real cloud's documents disagree with each other,
// so unknown fields are ignored, optional fields may be missing and frozen_state may be a
// string or a number. Request rules are strict. zod/mini, because the console's first load
// carries these schemas: it tree-shakes to the checks used, where classic zod is ~22 kB gzip.
import { z } from "zod/mini";

export const KEYPAIR_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
export const MAX_BATCH_EXPORT = 10;
export const MAX_LIST_LIMIT = 1000;
export const DEFAULT_LIST_LIMIT = 50;
export const PROJECT_ID_PATTERN = /^[0-9a-f]{32}$/;

export const ALGORITHMS = [
  "SSH_RSA_2048",
  "SSH_RSA_3072",
  "SSH_RSA_4096",
  "SSH_ED25519",
  "ECDSA_NISTP256",
  "ECDSA_NISTP384",
  "ECDSA_NISTP521",
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

// The seed's frozen states are numbers 0 (normal) to 10; the contract keeps the number and the
// console says it in words (src/features/keypairs/words). null or "" reads as missing, which the
// console treats as normal (0).
const frozenState = z.pipe(
  z.nullish(z.union([z.number(), z.string()])),
  z.transform((value) =>
    value === null || value === undefined || value === "" ? undefined : Number(value),
  ),
);

const optionalString = z.optional(z.string());
const nullishString = z.nullish(z.string());
const stringOrNumber = z.union([z.number(), z.string()]);
const maxString = (max: number) => z.string().check(z.maxLength(max));
const boundedString = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max));

export const keypairSummarySchema = z.object({
  name: z.string(),
  type: optionalString,
  scope: optionalString,
  public_key: optionalString,
  fingerprint: optionalString,
  is_key_protection: z.optional(z.boolean()),
  frozen_state: z.optional(frozenState),
});
export type KeypairSummary = z.infer<typeof keypairSummarySchema>;

export const listKeypairsResponseSchema = z.object({
  keypairs: z.pipe(
    z.nullish(z.array(z.object({ keypair: keypairSummarySchema }))),
    z.transform((value) => value ?? []),
  ),
  page_info: z.nullish(
    z.object({
      next_marker: nullishString,
      previous_marker: nullishString,
      current_count: z.nullish(stringOrNumber),
    }),
  ),
});
export type ListKeypairsResponse = z.infer<typeof listKeypairsResponseSchema>;

export const keypairDetailSchema = z.extend(keypairSummarySchema, {
  id: z.optional(stringOrNumber),
  description: nullishString,
  user_id: nullishString,
  // Epoch milliseconds in the documents; ISO strings are accepted too.
  create_time: z.nullish(stringOrNumber),
  update_time: z.nullish(stringOrNumber),
  delete_time: z.nullish(stringOrNumber),
  deleted: z.optional(z.boolean()),
  key_id: nullishString,
  algorithm: nullishString,
});
export type KeypairDetail = z.infer<typeof keypairDetailSchema>;
export const keypairDetailResponseSchema = z.object({ keypair: keypairDetailSchema });

export const keypairNameSchema = z.string().check(z.regex(KEYPAIR_NAME_PATTERN));

const encryptionSchema = z.strictObject({
  type: z.enum(["default", "kms"]),
  kms_key_name: z.optional(maxString(255)),
  kms_key_id: z.optional(maxString(64)),
});

const createKeypairSchema = z.strictObject({
  name: keypairNameSchema,
  type: z.optional(z.enum(["ssh", "x509"])),
  scope: z.optional(z.enum(["domain", "user"])),
  user_id: z.optional(maxString(64)),
  public_key: z.optional(boundedString(1, 16_384)),
  algorithm: z.optional(z.enum(ALGORITHMS)),
  key_protection: z.optional(
    z.strictObject({
      private_key: z.optional(boundedString(1, 32_768)),
      encryption: encryptionSchema,
    }),
  ),
});

export const createKeypairRequestSchema = z.strictObject({ keypair: createKeypairSchema });
export type CreateKeypairRequest = z.infer<typeof createKeypairRequestSchema>;

/**
 * Batch import takes the SDK models' `[{"keypair":{…}}]` (kps-api.md section 8). Decision: the
 * bare `[{…}]` this server took before is still accepted, so scripts written against it keep
 * working; each item is unwrapped to a create body.
 */
export const batchImportRequestSchema = z
  .array(
    z.union([
      z.pipe(
        createKeypairRequestSchema,
        z.transform((item) => item.keypair),
      ),
      createKeypairSchema,
    ]),
  )
  .check(z.minLength(1), z.maxLength(MAX_BATCH_EXPORT));

export const createKeypairResponseSchema = z.object({
  keypair: z.object({
    name: z.string(),
    type: optionalString,
    public_key: optionalString,
    private_key: optionalString,
    fingerprint: optionalString,
    user_id: optionalString,
  }),
});

/**
 * BatchImportKeypair's answer, read liberally (kps-api.md sections 7 and 8): the SDK models say
 * `failed_keypairs`, DEW's API page `failured_keypairs`, so both are read and joined; a succeeded
 * item may be `{keypair:{name,…}}` or a bare `{name,…}`. Each becomes a plain name (and reason).
 */
const succeededImportSchema = z.pipe(
  z.union([z.object({ keypair: z.object({ name: z.string() }) }), z.object({ name: z.string() })]),
  z.transform((item) => ("keypair" in item ? item.keypair.name : item.name)),
);
const failedImportsSchema = z.pipe(
  z.nullish(z.array(z.object({ keypair_name: z.string(), failed_reason: z.nullish(z.string()) }))),
  z.transform((items) =>
    (items ?? []).map((item) => ({ name: item.keypair_name, reason: item.failed_reason ?? "" })),
  ),
);
export const batchImportResponseSchema = z.pipe(
  z.object({
    succeeded_keypairs: z.nullish(z.array(succeededImportSchema)),
    failed_keypairs: failedImportsSchema,
    failured_keypairs: failedImportsSchema,
  }),
  z.transform((body) => ({
    succeeded: body.succeeded_keypairs ?? [],
    failed: [...body.failed_keypairs, ...body.failured_keypairs],
  })),
);
export type BatchImportResult = z.infer<typeof batchImportResponseSchema>;

export const updateDescriptionRequestSchema = z.strictObject({
  keypair: z.strictObject({ description: maxString(255) }),
});

export const importPrivateKeyRequestSchema = z.strictObject({
  keypair: z.strictObject({
    name: keypairNameSchema,
    user_id: z.optional(maxString(64)),
    key_protection: z.strictObject({
      private_key: boundedString(1, 32_768),
      encryption: encryptionSchema,
    }),
  }),
});

export const exportPrivateKeyRequestSchema = z.strictObject({
  keypair: z.strictObject({ name: keypairNameSchema }),
});
export const exportPrivateKeyResponseSchema = z.object({
  keypair: z.object({ name: z.string(), private_key: z.string() }),
});

/** Batch export: a bare array; fields other than name are informational (Terraform sends rows). */
export const batchExportRequestSchema = z
  .array(
    z.object({
      keypair: z.object({
        name: keypairNameSchema,
        type: z.optional(maxString(16)),
        scope: z.optional(maxString(16)),
        public_key: z.optional(maxString(16_384)),
        fingerprint: z.optional(maxString(128)),
        is_key_protection: z.optional(z.boolean()),
        frozen_state: z.optional(z.union([maxString(4), z.number()])),
      }),
    }),
  )
  .check(z.minLength(1), z.maxLength(MAX_BATCH_EXPORT));
export type BatchExportRequest = z.infer<typeof batchExportRequestSchema>;

/** The three error shapes a KPS call may answer with (section 7 of the contract). */
export const kpsErrorBodySchema = z.object({
  error_code: z.string(),
  error_msg: optionalString,
  request_id: optionalString,
});
export const iamErrorBodySchema = z.object({
  error: z.object({
    code: z.optional(stringOrNumber),
    message: optionalString,
    title: optionalString,
    /** Our own refusals' code (the MFA ones, IAM.7101–7103); Keystone's carry none. */
    error_code: optionalString,
    /** IAM.7101: the id the totp method must name. */
    user_id: optionalString,
  }),
});

/** Published KPS error codes with their HTTP status and message. */
export const KPS_ERRORS = {
  "KPS.0002": { status: 400, message: "parameter error" },
  "KPS.0003": { status: 500, message: "Dependency service unavailable" },
  "KPS.0004": { status: 500, message: "Response error" },
  "KPS.0006": { status: 400, message: "User not found" },
  "KPS.4016": { status: 400, message: "The key pair is not exist" },
  "KPS.6004": { status: 400, message: "No Keypair find" },
  "KPS.6005": { status: 400, message: "No private key managed" },
  "KPS.6008": { status: 400, message: "Encrypt private key failed" },
  "KPS.6011": { status: 400, message: "The imported private key not match public key" },
  "KPS.9001": {
    status: 401,
    message: "The token of the request is not or failed to be authenticated",
  },
  "KPS.9003": { status: 403, message: "No operation permission" },
  "KPS.9004": { status: 403, message: "The account is frozen" },
  "KPS.5001": { status: 500, message: "Query database record error" },
} as const;
export type KpsErrorCode = keyof typeof KPS_ERRORS;
