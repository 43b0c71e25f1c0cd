import { expect, test, type Page } from "@playwright/test";
import { settled } from "./helpers";

/** Tabs until `match` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, match: (el: Element) => boolean, max = 80) {
  const src = `(${match.toString()})(document.activeElement)`;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(src)) return;
  }
  throw new Error("never reached the element by Tab");
}

const outlineOf = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });

test("keyboard only: '/' to the box, Enter, a facet by Tab and Space, a result by Enter", async ({ page }) => {
  await page.goto("/");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await expect(box).toBeFocused();
  await page.keyboard.type("Putin");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);

  await tabTo(page, (el) => el instanceof HTMLInputElement && el.type === "checkbox");
  expect(await outlineOf(page)).not.toMatch(/^none/);
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/[?&](person|outlet|sources)=/);
  await settled(page);

  await tabTo(page, (el) => el instanceof HTMLAnchorElement && !!el.closest("[data-testid=result] h2"));
  expect(await outlineOf(page)).not.toMatch(/^none/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/articles\//);
  await tabTo(page, (el) => el.getAttribute("data-testid") === "back");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=Putin&/);
});

test("'/' does not steal a slash typed into a field", async ({ page }) => {
  await page.goto("/");
  const input = page.getByLabel("Từ ngày");
  await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).focus();
  await page.keyboard.type("a/b");
  await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toHaveValue("a/b");
  await expect(input).not.toBeFocused();
});
