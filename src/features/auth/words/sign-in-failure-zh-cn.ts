import type { ChineseCatalog } from "../../../lib/i18n/catalog.ts";
import type * as en from "./sign-in-failure-en.ts";

export default {
  "auth/sign-in-failure": {
    iamSaid: "IAM 返回：“{message}”",
    tooManyAttempts: "登录尝试次数过多，请等待 {seconds} 秒后重试。",
    tooManyAttemptsMoment: "登录尝试次数过多，请稍后重试。",
    checkProject: "请检查项目名称：此用户可能无权访问该项目，或该项目不存在。",
    wrongCredentials: "账号名、用户名或密码错误，请检查后重试。",
    refusedOther: "IAM 拒绝了登录。",
    codeWrong: "验证码错误。请输入身份验证器应用当前显示的验证码。",
    codeUsed: "此验证码已使用过。请等待下一个验证码后输入。",
  },
} satisfies ChineseCatalog<typeof en>;
