import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    // No wall-clock limit: loading the 35k corpus takes from one to several minutes on a
    // shared 2-core machine, and a test must fail on what it checks, not on the machine's load.
    testTimeout: 0,
    hookTimeout: 0,
  },
});
