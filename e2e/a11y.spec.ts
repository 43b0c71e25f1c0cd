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

    for (const url of [
      "/",
      "/?q=Putin&sort=newest",
      "/?q=Alaska&from=2026-01-01",
      "/?from=2025-02-30",
      "/?q=Putin&from=2025-09-01&to=2025-08-01",
      "/?person=khong-co",
      "/?q=Putin&size=2",
      "/?q=Putin&page=5",
      "/?q=Putin+-trump",
      "/?from=2025-08-01&to=2025-08-31",
    ]) {
      test(`${url} has no serious or critical axe violations`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator("main")).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("open widgets (the date badge's note, an invalid typed date) have no serious or critical axe violations", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("button", { name: "ước tính" }).first().click();
      await page.getByLabel("Từ ngày").fill("31/02/2025");
      await expect(page.getByText("Ngày không hợp lệ")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the phone filter panel, open, has no serious or critical axe violations", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/?q=Putin");
      await page.getByRole("button", { name: /Bộ lọc/ }).click();
      await expect(page.getByRole("button", { name: /^Xem \d+ kết quả$/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the article page has no serious or critical axe violations", async ({ page }) => {
      await page.goto("/?q=Putin");
      await page.getByTestId("result").first().locator("h2 a").click();
      await expect(page).toHaveURL(/\/articles\//);
      const heading = page.getByRole("heading", { level: 1 });
      await expect(heading).toBeVisible();
      // Next streams the metadata after the page on a client navigation: wait until the tab
      // names the article (axe's document-title rule otherwise reads the moment before).
      const title = (await heading.innerText()).trim();
      await expect(page).toHaveTitle(`${title} – Tìm tin`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("the page is in Vietnamese and announces the results count", async ({ page }) => {
  await page.goto("/?q=Putin");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("status").filter({ hasText: "kết quả" })).toHaveText(/^\d+ kết quả/);
});
