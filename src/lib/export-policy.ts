import { useQuery } from "@tanstack/react-query";
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from "../../contract/export-audit.ts";
import { fetchConsoleSetup } from "./console-setup.ts";

export const consoleSetupKey = ["console", "setup"] as const;

/**
 * Whether the export asks for a reason and how fresh a password check must be, as this server
 * says (GET /console/setup). Until it has said, or when it cannot, the strictest defaults hold:
 * a reason is required, and the server's own refusal still turns into the password prompt.
 */
export function useExportPolicy(): ExportPolicy {
  const setup = useQuery({
    queryKey: consoleSetupKey,
    queryFn: fetchConsoleSetup,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return {
    reasonMode: setup.data?.exportReason ?? DEFAULT_EXPORT_POLICY.reasonMode,
    freshAuthSeconds: setup.data?.exportFreshAuthSeconds ?? DEFAULT_EXPORT_POLICY.freshAuthSeconds,
  };
}
