import type { ChineseCatalog } from "../../../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "private-key/host": {
    title: "托管 {name} 的私钥",
    close: "关闭托管私钥",
    intro:
      "请选择或粘贴 {name} 的私钥。控制台会先检查它是否与此密钥对的公钥配对，然后由 KPS 加密保存。",
    fileLabel: "私钥文件",
    pasteLabel: "或粘贴私钥",
    tooLarge: "此文件大于 {size}，远超私钥所需的大小。",
    problemTitle: "无法托管此私钥",
    nothingSent: "未发送任何内容。",
    cancel: "取消",
    confirm: "托管私钥",
    doneTitle: "私钥已托管",
    doneText: "KPS 现已托管 {name} 的私钥。",
  },
  "private-key/clear": {
    title: "清除 {name} 的私钥",
    close: "关闭清除私钥",
    warningTitle: "此操作无法撤销",
    warning:
      "KPS 将删除 {name} 托管的私钥。密钥对及其公钥会保留，但其私钥将无法再导出。之后只能通过导入您持有的私钥副本重新托管。",
    confirmLabel: "请输入密钥对名称以确认",
    cancel: "取消",
    confirm: "清除私钥",
    doneTitle: "私钥已清除",
    doneText: "KPS 已不再托管 {name} 的私钥。",
  },
  "private-key/errors": {
    hostWhat: "托管私钥",
    clearWhat: "清除私钥",
    goneTitle: "找不到密钥对",
    goneText: "此密钥对已不存在，可能已被删除。",
    goneAction: "请关闭详情；列表已刷新。",
    mismatchTitle: "不是此密钥对的私钥",
    mismatchText: "KPS 发现此私钥与密钥对的公钥不匹配。未托管任何内容。",
    mismatchAction: "请选择与此密钥对一同生成的私钥文件。",
    refusedTitle: "KPS 拒绝了此密钥文件",
    refusedText: "KPS 无法按原样托管此文件，原因见下方。未托管任何内容。",
    refusedAction: "请重新导出不带密码短语的私钥（单个 PEM 块）后重试。",
    notOwnerTitle: "不是您的密钥对",
    notOwnerText: "此私有密钥对属于其他 IAM 用户。",
    notOwnerAction: "请联系其所有者托管私钥。",
    hostForbiddenTitle: "没有托管私钥的权限",
    hostForbiddenText: "您的 IAM 用户无权在此项目中托管私钥。",
    hostForbiddenAction:
      "请联系管理员授予包含 kps:SSHKeyPair:importPrivateKey 的策略（例如 DEW KeypairFullAccess）。",
    storeFailedTitle: "KPS 无法保存私钥",
    storeFailedText: "KPS 加密或保存私钥失败。未托管任何内容。",
    storeFailedAction: "请稍后重试；如果仍然失败，请将请求 ID 报告给技术支持。",
    nothingToClearTitle: "没有可清除的私钥",
    nothingToClearText: "KPS 已不再托管此密钥对的私钥，它已被清除。",
    nothingToClearAction: "详情已刷新。",
    clearForbiddenTitle: "没有清除私钥的权限",
    clearForbiddenText: "您的 IAM 用户无权在此项目中清除托管的私钥。",
    clearForbiddenAction:
      "请联系管理员授予包含 kps:SSHKeyPair:clearPrivateKey 的策略（例如 DEW KeypairFullAccess）。",
  },
} satisfies ChineseCatalog<typeof en>;
