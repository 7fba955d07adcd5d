// What the console server tells the page about itself before anyone signs in (GET /console/setup).
import { z } from "zod/mini";
import { EXPORT_REASON_MODES } from "./export-audit.ts";

export const CONSOLE_MODES = ["embedded", "proxy"] as const;
export type ConsoleMode = (typeof CONSOLE_MODES)[number];

export const CONSOLE_SETUP_PATH = "/console/setup";

export const consoleSetupSchema = z.object({
  /** Set only when the server seeded the demo account: the same words its terminal prints. */
  demo: z.nullable(
    z.object({
      account: z.string(),
      users: z.array(z.string()),
      password: z.string(),
      /** The demo's virtual MFA device (issue 15), printed at start like the password. */
      mfa: z.optional(z.object({ user: z.string(), secret: z.string() })),
    }),
  ),
  /** Whether the export confirmation asks for a reason (KPS_EXPORT_REASON). */
  exportReason: z.optional(z.enum(EXPORT_REASON_MODES)),
  /** How old a password check may be before an export asks for it again (KPS_EXPORT_FRESH_AUTH_S). */
  exportFreshAuthSeconds: z.optional(z.number()),
  /** Embedded KPS and IAM, or a proxy to the cloud (where the export reasons are only logged). */
  mode: z.optional(z.enum(CONSOLE_MODES)),
});

export type ConsoleSetup = z.infer<typeof consoleSetupSchema>;
