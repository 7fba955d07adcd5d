import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "private-key/actions": {
    host: "托管私钥",
    clear: "清除私钥",
  },
} satisfies ChineseCatalog<typeof en>;
