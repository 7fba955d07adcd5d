import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./sign-in-en.ts";

export default {
  "auth/sign-in": {
    title: "KPS 控制台",
    intro: "使用 IAM 用户登录，管理 SSH 密钥对。",
    account: "账号名",
    user: "用户名",
    password: "密码",
    showPassword: "显示或隐藏密码",
    project: "项目",
    projectHint: "区域项目，例如 cn-north-4",
    submit: "登录",
    signedOutTitle: "已退出登录",
    signedOutInactivity: "您已连续 15 分钟没有操作，已自动退出登录。",
    signedOutExpired: "您的会话已过期，请重新登录。",
    signedOutUnauthorized: "您的会话已失效，请重新登录。",
    failedTitle: "无法登录",
    failedUnexpected: "登录失败，请重试。",
    code: "验证码",
    codeHint: "虚拟 MFA 设备的身份验证器应用中的六位数字",
    codeNeeded: "此用户已绑定虚拟 MFA 设备：请输入身份验证器应用中的六位验证码以完成登录。",
    demoMfa: "MFA 密钥",
    demoTitle: "演示账号",
    demoAccount: "账号",
    demoUsers: "用户",
    demoPassword: "密码",
    listSeparator: "、",
  },
} satisfies ChineseCatalog<typeof en>;
