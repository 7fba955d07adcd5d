import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "create-keypair/action": {
    create: "创建密钥对",
  },
} satisfies ChineseCatalog<typeof en>;
