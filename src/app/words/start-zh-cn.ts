import type { ChineseCatalog } from "../../lib/i18n/catalog.ts";
import type * as en from "./start-en.ts";

export default {
  "app/start": {
    documentTitle: "KPS 控制台",
    loading: "正在加载控制台",
    loadFailedTitle: "无法加载控制台",
    loadFailedText:
      "网络连接可能已中断，或控制台已更新。重试期间您的会话仍然保留；重新加载会先退出登录，再加载最新的控制台。",
    tryAgain: "重试",
    signOutAndReload: "退出并重新加载",
  },
} satisfies ChineseCatalog<typeof en>;
