/*
 * JSZip yields after each chunk with setImmediate, which a worker lacks; its polyfill makes each
 * yield a MessageChannel task, and an export of ten entries waited out some thirty of them
 * (7 ms traced, for 33 KB that are only copied). Nothing else in this worker waits for its
 * thread, and the page terminates it on timeout whatever it is running, so here the yields are
 * microtasks and the check is one task. Imported before JSZip: the polyfill keeps a
 * setImmediate it finds.
 */
const scope = globalThis as { setImmediate?: (callback: () => void) => void };
scope.setImmediate ??= (callback) => queueMicrotask(callback);
