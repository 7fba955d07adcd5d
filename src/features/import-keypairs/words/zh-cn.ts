import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "import-keypairs/actions": {
    importOne: "导入公钥",
    importSeveral: "批量导入",
  },
} satisfies ChineseCatalog<typeof en>;
