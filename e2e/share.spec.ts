import { expect, test } from "@playwright/test";
import { personBoxes, resultDates, settled, titles, total } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("search, filter by a person, copy the link, open it elsewhere, then Back and Forward", async ({ page, browser }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.fill("Putin");
  await box.press("Enter");
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);
  const before = await total(page);
  const titlesBefore = await titles(page);

  const boxes = personBoxes(page);
  await expect(boxes.first()).toBeVisible();
  const person = boxes.first();
  const id = (await person.getAttribute("value")) ?? "";
  await person.check();
  await expect(page).toHaveURL(new RegExp(`[?&]person=${id}(&|$)`));
  await settled(page);
  await expect(page.getByTestId("active-filters")).toBeVisible();
  const results = page.getByTestId("result");
  expect(await results.count()).toBeGreaterThan(0);
  for (const r of await results.all()) await expect(r.locator(`[data-person="${id}"]`)).toHaveCount(1);
  const filtered = await titles(page);

  await page.getByRole("button", { name: "Sao chép liên kết" }).click();
  await expect(page.getByText("Đã sao chép liên kết")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(copied);
  expect(await titles(fresh)).toEqual(filtered);
  await expect(fresh.getByTestId("facet-person").getByRole("checkbox", { checked: true })).toHaveAttribute("value", id);
  await other.close();

  await page.goBack();
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);
  expect(await total(page)).toBe(before);
  expect(await titles(page)).toEqual(titlesBefore);
  await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toHaveValue("Putin");

  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`[?&]person=${id}`));
  await settled(page);
  expect(await titles(page)).toEqual(filtered);

  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toHaveValue("");
});

test("typing searches as you type in one history entry; Back returns to the search before it", async ({ page }) => {
  await page.goto("/?q=Putin");
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.fill("");
  await box.pressSequentially("Ala");
  await expect(page).toHaveURL(/\?q=Ala$/);
  await box.pressSequentially("ska");
  await expect(page).toHaveURL(/\?q=Alaska$/);
  await settled(page);
  await expect(page.getByTestId("result").first().locator("mark").first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?q=Putin$/);
  await expect(box).toHaveValue("Putin");
});

test("the clear button empties the box and shows everything, newest first", async ({ page }) => {
  await page.goto("/?q=Alaska");
  await page.getByRole("button", { name: "Xóa nội dung tìm kiếm" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toBeFocused();
  await settled(page);
  expect(await total(page)).toBe(5);
  await expect(page.getByRole("combobox", { name: "Sắp xếp" })).toHaveValue("newest");
});

test("several people are OR'ed, a person and an outlet AND'ed, counts stay disjunctive", async ({ page }) => {
  await page.goto("/");
  const boxes = personBoxes(page);
  await expect(boxes.nth(1)).toBeVisible();
  const a = (await boxes.nth(0).getAttribute("value")) ?? "";
  const b = (await boxes.last().getAttribute("value")) ?? "";
  await boxes.nth(0).check();
  await settled(page);
  const onlyA = await total(page);
  // The other values keep their counts for adding to the filter (disjunctive).
  await expect(personBoxes(page)).toHaveCount(await boxes.count());
  await personBoxes(page).last().check();
  await expect(page).toHaveURL(new RegExp(`person=${a}&person=${b}`));
  await settled(page);
  expect(await total(page)).toBeGreaterThanOrEqual(onlyA);
  for (const r of await page.getByTestId("result").all()) {
    await expect(r.locator(`[data-person="${a}"], [data-person="${b}"]`).first()).toBeVisible();
  }
  const outlet = page.getByTestId("facet-outlet").locator("label").first();
  const outletName = (await outlet.locator("span").first().textContent()) ?? "";
  const both = await total(page);
  await outlet.getByRole("checkbox").check();
  await expect(page).toHaveURL(/[?&]outlet=/);
  await settled(page);
  expect(await total(page)).toBeLessThanOrEqual(both);
  for (const r of await page.getByTestId("result").all()) await expect(r.getByText(outletName, { exact: false }).first()).toBeVisible();
  await page.getByRole("link", { name: "Xóa bộ lọc" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the people list: top values, 'Xem thêm', and a filter box that ignores marks and case", async ({ page, request }) => {
  await page.goto("/");
  const facet = page.getByTestId("facet-person");
  const more = facet.getByRole("button", { name: /Xem thêm/ });
  await expect(more.first()).toBeVisible();
  const shown = await facet.getByRole("checkbox").count();
  // The page holds only the values it shows; opening the list asks the API for the whole one.
  const whole = (await (await request.get("/api/search")).json()).facets.persons as unknown[];
  await expect(more).toHaveText(`Xem thêm (${whole.length - shown})`);
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/search");
  await more.click();
  await asked;
  await expect(facet.getByRole("checkbox")).toHaveCount(whole.length);
  await facet.getByRole("button", { name: "Thu gọn" }).click();
  await expect(facet.getByRole("checkbox")).toHaveCount(shown);

  const first = (await facet.locator("label").first().locator("span").first().textContent()) ?? "";
  const word = first.split(" ").pop() ?? "";
  await facet.getByRole("textbox").fill(word.toUpperCase());
  const names = await facet.locator("label span:first-of-type").allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n.toLowerCase()).toContain(word.toLowerCase());
});

test("while the next results load, the previous ones stay visible, dimmed and marked busy", async ({ page }) => {
  await page.goto("/?q=Putin");
  const before = await titles(page);
  // Hold the next search response (the real one) until the waiting state has been checked.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/search?**", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("combobox", { name: "Sắp xếp" }).selectOption("oldest");
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(page.getByTestId("results")).toHaveAttribute("aria-busy", "true");
  expect(await titles(page)).toEqual(before);
  release();
  await settled(page);
  const dates = await resultDates(page);
  expect(dates).toEqual([...dates].sort());
});

test("a person chip on a result adds that person to the filter", async ({ page }) => {
  await page.goto("/?q=Alaska");
  const chip = page.getByTestId("result").first().locator("a[data-person]").first();
  await expect(chip.first()).toBeVisible();
  const id = (await chip.getAttribute("data-person")) ?? "";
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`\\?q=Alaska&person=${id}$`));
  await settled(page);
  for (const r of await page.getByTestId("result").all()) await expect(r.locator(`[data-person="${id}"]`)).toHaveCount(1);
  await expect(page.getByTestId("facet-person").getByRole("checkbox", { checked: true })).toHaveAttribute("value", id);
});
