// What the console server tells the page about itself before anyone signs in (GET /console/setup).
import { z } from "zod/mini";

export const CONSOLE_SETUP_PATH = "/console/setup";

export const consoleSetupSchema = z.object({
  /** Set only when the server seeded the demo account: the same words its terminal prints. */
  demo: z.nullable(
    z.object({
      account: z.string(),
      users: z.array(z.string()),
      password: z.string(),
    }),
  ),
});

export type ConsoleSetup = z.infer<typeof consoleSetupSchema>;
