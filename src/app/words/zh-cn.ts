import type { ChineseCatalog } from "../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "app/shell": {
    productShort: "KPS",
    productRest: " 控制台",
    signOut: "退出登录",
    toDark: "切换到深色模式",
    toLight: "切换到浅色模式",
    notFoundTitle: "找不到页面",
    notFoundText: "此地址不对应控制台中的任何页面。",
    notFoundLink: "前往密钥对列表",
  },
  "app/keypairs-page": {
    title: "{project} 中的密钥对",
    delete: "删除",
    deleteSelected: "删除所选",
    selectionClearedTitle: "已清除选择",
    selectionStays: {
      other: "在 {from} 中选择的 {count} 个密钥对仍留在该项目中；您现在位于 {to}。",
    },
    selectionBlocked:
      "您的 IAM 用户的策略既不允许导出也不允许删除此项目中的密钥对，因此无法选择行。",
  },
} satisfies ChineseCatalog<typeof en>;
