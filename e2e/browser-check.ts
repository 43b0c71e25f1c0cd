import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Fail early, with a fix, when there is no browser to drive. */
export default function browserCheck() {
  const system = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(system) || existsSync(chromium.executablePath())) return;
  throw new Error(
    `No browser for the end-to-end tests: neither ${system} nor Playwright's Chromium exists.\n` +
      "Install one: `apt-get install -y chromium` (Debian), or `npx playwright install chromium`.",
  );
}
