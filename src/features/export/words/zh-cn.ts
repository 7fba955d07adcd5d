import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "export/actions": {
    exportSelected: "导出私钥",
    exportOne: "导出私钥",
    selectFirst: "请选择已托管私钥的密钥对后再导出。",
    frozen: "此密钥对已被冻结，无法导出其私钥。",
  },
  "export/confirm": {
    title: { other: "导出 {count} 个私钥" },
    close: "关闭导出确认",
    introOne:
      "项目 {project} 中此密钥对的私钥将导出为一个 zip 文件。保存之前，您可以先检查其中的内容。",
    introMany:
      "项目 {project} 中这些密钥对的私钥将导出为一个 zip 文件。保存之前，您可以先检查其中的内容。",
    listLabel: "要导出的密钥对",
    acknowledge: "我了解任何持有这些私钥的人都可以登录信任它们的服务器，我必须妥善保管这些私钥。",
    throttled: { other: "KPS 限制了导出私钥的频率：请等待 {count} 秒后再进行下一次导出。" },
    nothingLeft: "这些密钥对都已无法导出，没有可发送的内容。",
    cancelExport: "取消导出",
    cancel: "取消",
    export: "导出",
  },
  "export/errors": {
    what: "导出",
    oneOfThem: "所选密钥对之一",
    oneOfThemStart: "所选密钥对之一",
    notHostedTitle: "私钥已不再托管",
    notHostedText: "{key} 的私钥已不再由 KPS 托管，无法导出。",
    notHostedAction: "列表已刷新，该密钥对已从所选项中移除：请导出其他密钥对。",
    frozenTitle: "密钥对已冻结",
    frozenText: "{key} 已被冻结，无法导出其私钥。",
    frozenAction: "列表已刷新，它已从所选项中移除：请导出其他密钥对，或先解除冻结。",
    forbiddenTitle: "没有导出权限",
    forbiddenText: "您的 IAM 用户无权在此项目中导出私钥。",
    forbiddenAction:
      "请联系管理员授予包含 kps:SSHKeyPair:exportPrivateKey 的策略（例如 DEW KeypairFullAccess）。",
    goneTitle: "找不到密钥对",
    goneText: "{key} 已不存在，可能已被删除。",
    goneAction: "列表已刷新，它已从所选项中移除：请导出其他密钥对。",
    throttledTitle: "导出过于频繁",
    throttledText: "KPS 限制了导出私钥的频率。",
    waitSeconds: { other: "请等待 {count} 秒后重试。" },
    waitMinute: "请等待一分钟后重试。",
    tryNow: "现在可以重试了。",
    noAnswerTitle: "KPS 没有应答",
    noAnswerText: "KPS 没有在规定时间内应答。未发送任何 zip 文件。",
    failedTitle: "服务出错",
    failedText: "KPS 无法完成导出。未发送任何 zip 文件。",
    tryLater: "请稍后重试；如果仍然失败，请将请求 ID 报告给技术支持。",
    refusedTitle: "导出被拒绝",
    refusedText: "KPS 拒绝了导出请求。",
    refusedAction: "请检查所选项后重试。",
    archiveTitle: "归档文件已被拒绝",
    archiveAction: "未保存任何内容。请重新导出；如果再次出现，请将请求 ID 报告给技术支持。",
  },
} satisfies ChineseCatalog<typeof en>;
