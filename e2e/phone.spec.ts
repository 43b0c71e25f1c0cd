import { expect, test, type Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

test("on a 390-px phone the facets open in a panel and nothing scrolls sideways", async ({ page }) => {
  await page.goto("/?q=Putin");
  await expect(page.getByTestId("result").first()).toBeVisible();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  const toggle = page.getByRole("button", { name: /Bộ lọc/ });
  await expect(page.getByTestId("facet-date")).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("facet-date")).toBeVisible();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

  await page.getByRole("link", { name: "Tất cả" }).click();
  await page.getByTestId("result").first().locator("h2 a").click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
});

test("a bad link on a phone fits too", async ({ page }) => {
  await page.goto("/?from=2025-02-30&person=vladimir-putin&person=donald-trump");
  await expect(page.getByTestId("bad-params")).toBeVisible();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
});
