// Every Chinese words file in one chunk, loaded only when Chinese is chosen: one entry in the
// first load instead of a loader per file.
const modules = import.meta.glob<{ default: Record<string, Record<string, unknown>> }>(
  "/src/**/words/*zh-cn.ts",
  { eager: true },
);

export const chineseCatalog: Record<string, Record<string, unknown>> = Object.assign(
  {},
  ...Object.values(modules).map((module) => module.default),
);
