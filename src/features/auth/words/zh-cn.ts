import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "auth/session": {
    idleTitle: "一分钟后将退出登录",
    idleText: "您已连续 14 分钟没有操作。",
    staySignedIn: "保持登录",
    project: "项目",
    switchFailed: "无法切换项目",
    switchProjectWhat: "切换项目",
  },
} satisfies ChineseCatalog<typeof en>;
