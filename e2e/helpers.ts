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
