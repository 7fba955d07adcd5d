import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "delete-keypairs/action": {
    openFailedTitle: "无法打开删除对话框",
    openFailedText: "请刷新页面后重试。",
    deleted: { other: "已删除 {count} 个密钥对" },
  },
} satisfies ChineseCatalog<typeof en>;
