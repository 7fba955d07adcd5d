import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    include: ["src/**/*.test.{ts,tsx}", "server/**/*.test.ts", "contract/**/*.test.ts"],
    environment: "node",
    // Vitest leaves a core idle by default; most of these tests wait on ssh-keygen, SQLite or a
    // socket, so on two cores one more worker takes a minute off \`npm test\`.
    maxWorkers: "100%",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
