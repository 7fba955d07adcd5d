import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The console's chunk arrives while the user types, and its first render after sign-in calls
 * most of it: this comment (Chrome's explicit compile hints) has V8 compile every function as
 * the chunk loads, while the user types, rather than each on its first call in that render.
 * Over 30 alternating sign-ins, first rows came a median 24 ms sooner. Added once the bundle is
 * written, since it must be the file's first line; bench/first-load-budget.ts checks it is.
 */
function compileAllOnLoad(chunkName: string): Plugin {
  return {
    name: "kps:compile-all-on-load",
    generateBundle: {
      // After Vite's own, which puts its preload map at the top.
      order: "post",
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === "chunk" && file.name === chunkName)
            file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), compileAllOnLoad("signed-in-shell")],
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything index.html needs in one chunk. Left alone, Rolldown splits the modules the
          // sign-in shares with the lazy console (React, Mantine's inputs) into chunks of their
          // own; the browser fetches them all before the first screen anyway, and each split
          // costs its own gzip dictionary and import glue: 3.4 KB gzip of the first load.
          groups: [{ name: "index", tags: ["$initial"] }],
        },
      },
    },
  },
  worker: { format: "es" },
  server: {
    // `npm run dev` talks to a console server started separately (npm run serve).
    proxy: { "/v3": "http://127.0.0.1:8080" },
  },
});
