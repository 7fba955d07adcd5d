import type { ChineseCatalog } from "../../lib/i18n/catalog.ts";
import type * as en from "./en.ts";

export default {
  "components/language-picker": {
    label: "语言",
  },
} satisfies ChineseCatalog<typeof en>;
