import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const url of ["/", "/?q=Putin&sort=newest", "/?q=Alaska&from=2026-01-01", "/?from=2025-02-30", "/?person=khong-co"]) {
      test(`${url} has no serious or critical axe violations`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator("main")).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("the article page has no serious or critical axe violations", async ({ page }) => {
      await page.goto("/?q=Putin");
      await page.getByTestId("result").first().locator("h2 a").click();
      await expect(page).toHaveURL(/\/articles\//);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("the page is in Vietnamese and announces the results count", async ({ page }) => {
  await page.goto("/?q=Putin");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("status").filter({ hasText: "kết quả" })).toHaveText(/^\d+ kết quả/);
});
