import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (Playwright cannot download its own browser on every
// machine); otherwise Playwright's own browser. e2e/browser-check.ts explains a missing one.
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const useSystemChromium = existsSync(SYSTEM_CHROMIUM);
// A port of its own (not npm start's 3000), so a developer's running server is never tested
// by mistake; E2E_REUSE_SERVER=1 opts in to testing a server already listening there.
const PORT = Number(process.env.E2E_PORT || 3147);
const REUSE_SERVER = process.env.E2E_REUSE_SERVER === "1";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/browser-check.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous waits (not limits on speed): CI and shared 2-core machines run under heavy load.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: useSystemChromium
      ? {
          executablePath: SYSTEM_CHROMIUM,
          // As root in a container; and no background calls to a closed network.
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The built app (npm run build), served as users get it, on the bundled seeds.
  webServer: {
    command: "npm start",
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), CORPUS_DIR: "seeds" },
    reuseExistingServer: REUSE_SERVER,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
