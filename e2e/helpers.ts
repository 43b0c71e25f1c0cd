import http from "node:http";
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
 * Waits until every server process of the app at `base` answers `/api/suggest?q=…` with
 * suggestions: a process builds its suggest index in the background after its first
 * suggestion request and answers none meanwhile (lib/suggest/service.ts). Each process is
 * asked on a connection of its own after a health check names it (the cluster hands new
 * connections to the processes in turn).
 */
export async function suggestionsEverywhere(base: string, q: string) {
  const ready = new Set<number>();
  await expect
    .poll(
      async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        try {
          const health = JSON.parse(await getText(agent, `${base}/api/health`)) as { worker: { pid: number; workers: number } };
          const { suggestions } = JSON.parse(await getText(agent, `${base}/api/suggest?q=${encodeURIComponent(q)}`)) as { suggestions: unknown[] };
          if (suggestions.length > 0) ready.add(health.worker.pid);
          return ready.size >= health.worker.workers;
        } finally {
          agent.destroy();
        }
      },
      { timeout: 30_000, intervals: [50, 100, 200] },
    )
    .toBe(true);
}

function getText(agent: http.Agent, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}
