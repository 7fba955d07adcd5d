import type { ChineseCatalog } from "../../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "delete-keypairs/dialog": {
    title: { other: "删除 {count} 个密钥对" },
    close: "关闭删除对话框",
    warning: {
      other:
        "项目 {project} 中的以下密钥对将被删除，KPS 为其托管的私钥也将一并删除。此操作无法撤销。",
    },
    toDelete: "待删除的密钥对",
    confirmLabel: "请输入 {word} 以确认",
    cancel: "取消",
    confirm: { other: "删除 {count} 个密钥对" },
    results: "删除结果",
    closeResults: "关闭",
    waiting: "等待中",
    deleting: "正在删除…",
    deletedOne: "已删除",
    failed: "未删除",
    outcome: "{name}：{state}",
  },
  "delete-keypairs/errors": {
    what: "删除 {name}",
    goneTitle: "已不存在",
    goneText: "{name} 已不存在，可能已在其他地方被删除。",
    goneAction: "无需操作：列表已刷新。",
    forbiddenTitle: "没有权限",
    forbiddenText: "您的 IAM 用户无权删除此项目中的密钥对，因此 {name} 已保留。",
    forbiddenAction: "请联系管理员授予包含 kps:SSHKeyPair:delete 的策略。",
    frozenTitle: "密钥对已冻结",
    frozenText: "{name} 已被冻结，KPS 不会删除它。",
    frozenAction: "请先解除冻结，再删除。",
  },
} satisfies ChineseCatalog<typeof en>;
