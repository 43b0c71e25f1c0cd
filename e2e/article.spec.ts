import { expect, test } from "@playwright/test";
import { settled, titles } from "./helpers";

test("an article opened from filtered results leads back to exactly those results", async ({ page }) => {
  await page.goto("/?q=Putin&sort=oldest&page=1&to=2025-12-31");
  await settled(page);
  const start = page.url();
  const list = await titles(page);
  const first = page.getByTestId("result").first();
  await first.locator("h2 a").click();
  await expect(page).toHaveURL(/\/articles\/[^?]+\?q=Putin&back=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(list[0]);
  await expect(page.locator("article mark", { hasText: "Putin" }).first()).toBeVisible();
  await expect(page.locator("article time, article p").first()).toBeVisible();

  await page.getByTestId("back").click();
  await expect(page).toHaveURL(new URL("/?q=Putin&to=2025-12-31&sort=oldest", start).href);
  expect(await titles(page)).toEqual(list);
});

test("a person on the article page links to a search filtered by them", async ({ page }) => {
  await page.goto("/?q=Alaska");
  await page.getByTestId("result").first().locator("h2 a").click();
  // The results page has lists of the same name: wait for the article before reading one.
  await expect(page).toHaveURL(/\/articles\//);
  const people = page.locator("article").getByRole("list", { name: "Người được nhắc đến" }).getByRole("link");
  await expect(people.first()).toBeVisible();
  const name = (await people.first().textContent()) ?? "";
  await people.first().click();
  await expect(page).toHaveURL(/\/\?person=[a-z0-9-]+$/);
  for (const r of await page.getByTestId("result").all()) await expect(r.getByTestId("persons")).toContainText(name);
});

test("`back` can only lead to our own search page", async ({ page }) => {
  await page.goto("/");
  const href = (await page.getByTestId("result").first().locator("h2 a").getAttribute("href")) ?? "";
  const path = href.split("?")[0];
  for (const evil of ["//evil.example/x", "https://evil.example/", "javascript:alert(1)"]) {
    await page.goto(`${path}?back=${encodeURIComponent(evil)}`);
    const back = (await page.getByTestId("back").getAttribute("href")) ?? "";
    expect(back === "/" || back.startsWith("/?")).toBe(true);
  }
});

test("related articles, when the matcher offers them, open other articles", async ({ page }) => {
  await page.goto("/?q=Alaska");
  await page.getByTestId("result").first().locator("h2 a").click();
  await expect(page).toHaveURL(/\/articles\//);
  const related = page.getByTestId("related");
  await expect(related.first()).toBeVisible();
  await expect(related.getByRole("heading", { name: "Bài liên quan" })).toBeVisible();
  const link = related.getByRole("link").first();
  const title = (await link.textContent()) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("a hit's title opens its article in place, through the router; a modified click opens a new tab", async ({ page, context }) => {
  await page.goto("/?q=Putin");
  await settled(page);
  const title = page.getByTestId("result").first().locator("h2 a");
  const href = (await title.getAttribute("href")) ?? "";
  // A new tab, and the results page stays as it was.
  const opened = context.waitForEvent("page");
  await title.click({ modifiers: ["ControlOrMeta"] });
  expect(new URL((await opened).url()).pathname).toBe(href.split("?")[0]);
  await expect(page).toHaveURL(/\/\?q=Putin$/);
  // A plain click: the app's router, not a page load (what the page held is still there).
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await title.click();
  await expect(page).toHaveURL(/\/articles\/[^?]+\?q=Putin&back=/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
