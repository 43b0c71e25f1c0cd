import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

/** The titles of the results shown, in order. */
export async function titles(page: Page): Promise<string[]> {
  return page.getByTestId("result").locator("h2").allTextContents();
}

/** The result count the summary announces. */
export async function total(page: Page): Promise<number> {
  const text = (await page.getByTestId("total").textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

/** Waits until the results are no longer the previous search's (dimmed) ones. */
export async function settled(page: Page) {
  await expect(page.getByTestId("results")).toHaveAttribute("aria-busy", "false");
}

/** The person checkboxes, or none while the cleaning extracts no people. */
export function personBoxes(page: Page): Locator {
  return page.getByTestId("facet-person").getByRole("checkbox");
}

/** Every result's dates (`YYYY-MM-DD`). */
export async function resultDates(page: Page): Promise<string[]> {
  return page
    .getByTestId("result")
    .locator("time")
    .evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
}

/**
 * Start the built app (`next start`) on its own port with extra environment (a temporary
 * corpus, say), and wait until its index is searchable. The shared e2e server serves the seeds.
 */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: "ignore",
  });
  // Wait until the server answers (a start on a loaded machine can take a while).
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok && (await res.json()).status === "ok") return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
