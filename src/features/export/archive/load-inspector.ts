import type * as InspectorModule from "./inspect-archive.ts";

type Inspector = typeof InspectorModule;

let loaded: Inspector | null = null;

/** The inspector's code (JSZip stays in its worker), loaded on demand, once. */
export function loadInspector(): Promise<Inspector> {
  if (loaded) return Promise.resolve(loaded);
  return import("./inspect-archive.ts").then((module) => {
    loaded = module;
    return module;
  });
}

/**
 * The inspector if it has loaded. An import() of a module already loaded still answers in a
 * task of its own, which a busy page held back behind its frames (51 ms in one profile) between
 * the zip's arrival and the check's start; a module at hand starts the check at once.
 */
export function loadedInspector(): Inspector | null {
  return loaded;
}
