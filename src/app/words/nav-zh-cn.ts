import type { ChineseCatalog } from "../../lib/i18n/catalog.ts";
import type * as en from "./nav-en.ts";

export default {
  "app/nav": {
    label: "控制台页面",
    keypairs: "密钥对",
    history: "导出历史",
  },
} satisfies ChineseCatalog<typeof en>;
