import type { ChineseCatalog } from "../../../i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "lib/ssh-key/problems": {
    notAKey: "此文件不是私钥。",
    damaged: "此密钥已损坏，无法读取。",
    encrypted: "此密钥受口令保护，无法检查。",
    notPossessed: "此私钥与所列公钥不属于同一密钥对：其私密部分生成的不是该公钥。",
    pkcs8NotRsa: "PKCS#8 格式仅支持 RSA 密钥。",
    curveUnsupported: "不支持此 ECDSA 曲线。",
    typeUnsupported: "不支持此密钥类型。",
    severalKeys: "此文件包含多个密钥。",
    putty: "这是 PuTTY 密钥文件，不是 KPS 导出的格式。",
    dataBefore: "此文件在密钥之前还有其他数据。",
    severalBlocks: "此文件包含多个 PEM 块；一个密钥文件只应包含一个。",
    dataAfter: "此文件在密钥之后还有其他数据。",
    formatUnsupported: "此处不支持该私钥格式。",
    notProtected: "这不是使用 bcrypt 和 aes256-ctr 保护的 OpenSSH 密钥。",
    wrongPassphrase: "此口令无法打开该密钥。",
    noPublicKey: "该密钥对没有可读取的公钥，因此无法为其检查私钥。",
  },
} satisfies ChineseCatalog<typeof en>;
