import type { ChineseCatalog } from "../../i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "lib/ssh-key/algorithms": {
    notReported: "未报告",
  },
} satisfies ChineseCatalog<typeof en>;
