import type { ChineseCatalog } from "../i18n/catalog.ts";
import type * as en from "./crash-en.ts";

export default {
  "lib/crash": {
    crashConsoleTitle: "控制台停止工作",
    crashPageTitle: "此页面停止工作",
    crashText: "控制台中的某个部分出错了。没有因此发送任何内容，您的会话仍然保留。",
    crashRetry: "重试",
    crashReload: "重新加载控制台",
  },
} satisfies ChineseCatalog<typeof en>;
