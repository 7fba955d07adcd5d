import { type ApiError, isKeypairGone } from "../../lib/api-error.ts";
import { type ErrorExplanation, explainError } from "../../lib/explain-error.ts";

/** Words for why one key pair was not deleted; the service's code and request id ride along. */
export function explainDeleteError(error: unknown, name: string): ErrorExplanation {
  return explainError(error, {
    what: `Delete ${name}`,
    explain: (apiError: ApiError) => {
      if (isKeypairGone(apiError)) {
        return {
          title: "Already gone",
          text: `${name} no longer exists; it may have been deleted elsewhere.`,
          action: "Nothing to do: the list has been refreshed.",
        };
      }
      if (apiError.code === "KPS.9003") {
        return {
          title: "Not permitted",
          text: `Your IAM user may not delete key pairs in this project, so ${name} was kept.`,
          action: "Ask an administrator for a policy with kps:SSHKeyPair:delete.",
        };
      }
      if (apiError.code === "KPS.9004") {
        return {
          title: "Key pair frozen",
          text: `${name} is frozen, so KPS will not delete it.`,
          action: "Have the freeze lifted first, then delete it.",
        };
      }
      return null;
    },
  });
}
