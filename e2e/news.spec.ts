import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { settled, suggestionsEverywhere, titles, total } from "./helpers";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

test("the results page links its Atom feed, which lists the same articles newest first", async ({ page }) => {
  await page.goto("/?q=Putin&sort=oldest");
  await settled(page);
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute("href", "/feed?q=Putin");
  const follow = page.getByRole("link", { name: /^Theo dõi/ });
  await expect(follow).toHaveAttribute("href", "/feed?q=Putin");

  const res = await page.request.get("/feed?q=Putin");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  const feed = new XMLParser({ isArray: (n) => n === "entry" }).parse(await res.text()).feed;
  const entries: { title: string; published?: string }[] = feed.entry ?? [];
  expect(entries.length).toBe(Math.min(await total(page), 30));
  expect(new Set(entries.map((x) => x.title))).toEqual(new Set(await titles(page)));
  // Newest first; an undated article (no <published>) comes last.
  const dates = entries.map((x) => x.published ?? "");
  expect(dates).toEqual([...dates].sort().reverse());

  // The link follows the search as it changes in place.
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.fill("Trump");
  await box.press("Enter");
  await expect(alternate).toHaveAttribute("href", "/feed?q=Trump");
});

test("a bad feed parameter is a 400 naming it", async ({ page }) => {
  const res = await page.request.get("/feed?from=2025-02-30");
  expect(res.status()).toBe(400);
  expect((await res.json()).error.param).toBe("from");
});

test("a person chip leads to the person's page, server-rendered, with its sections", async ({ page }) => {
  await page.goto("/?q=Putin");
  await settled(page);
  const pageLink = page.getByTestId("result").first().locator("[data-person-page]").first();
  const id = (await pageLink.getAttribute("data-person-page")) ?? "";
  const name = (await page.getByTestId("result").first().locator(`[data-person="${id}"]`).textContent()) ?? "";
  await pageLink.click();
  await expect(page).toHaveURL(new RegExp(`/people/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("mentions").getByRole("img").first()).toBeVisible();
  await expect(page.getByTestId("person-latest").getByRole("link").first()).toBeVisible();

  // "N bài" is the person filter on the search page: the filter is still one click away.
  const count = Number(((await page.getByTestId("person-total").textContent()) ?? "").replace(/\D/g, ""));
  await page.getByTestId("person-total").click();
  await expect(page).toHaveURL(new RegExp(`[?&]person=${id}`));
  await settled(page);
  expect(await total(page)).toBe(count);
});

test("the person page is server-rendered (works without JavaScript)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/people/vladimir-putin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vladimir Putin");
  await expect(page.getByTestId("person-latest").getByRole("listitem").first()).toBeVisible();
  await context.close();
});

test("an unknown person is a 404 in Vietnamese", async ({ page }) => {
  const res = await page.goto("/people/khong-co-nguoi-nay");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy người này");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the person page has no serious axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/people/vladimir-putin");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("suggestions as you type: a combobox driven by the keyboard", async ({ page, baseURL }) => {
  test.slow(); // many round trips (a suggestion per keystroke, a search per pause) on a shared machine
  // A process answers none until its suggest index is built, in the background after its first suggestion request.
  await suggestionsEverywhere(baseURL!, "vla");
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.click();
  await page.keyboard.type("vla");
  const list = page.getByRole("listbox", { name: "Gợi ý" });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const option = list.getByRole("option", { name: /Vladimir Putin/ });
  await expect(option).toBeVisible();

  // Escape closes the list and keeps the words; typing opens it again.
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("vla");
  await page.keyboard.type("d");
  await expect(option).toBeVisible();

  // Down marks the first option as active without moving the focus; Enter takes it.
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await list.getByRole("option").first().getAttribute("id")) ?? "");
  await expect(box).toBeFocused();
  await page.keyboard.press("Enter");
  // A person becomes a filter, the typed prefix is not searched.
  await expect(page).toHaveURL(/\/\?person=vladimir-putin$/);
  await settled(page);
  await expect(box).toHaveValue("");
  await expect(list).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);
});

test("search as you type and Enter without a chosen suggestion still search the words", async ({ page }) => {
  test.slow(); // many round trips (a suggestion per keystroke, a search per pause) on a shared machine
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.click();
  await page.keyboard.type("Putin");
  await expect(page).toHaveURL(/\?q=Putin$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);
  await expect(page.getByRole("listbox", { name: "Gợi ý" })).toBeHidden();
});

test("the suggest API completes a prefix, marks optional", async ({ page, baseURL }) => {
  await suggestionsEverywhere(baseURL!, "vladimir p");
  const res = await page.request.get(`/api/suggest?q=${encodeURIComponent("vladimir p")}`);
  expect(res.status()).toBe(200);
  const { suggestions } = await res.json();
  expect(suggestions[0]).toEqual({ kind: "person", text: "Vladimir Putin", id: "vladimir-putin" });
  expect((await (await page.request.get("/api/suggest?q=")).json()).suggestions).toEqual([]);
  expect((await page.request.get(`/api/suggest?q=${"a".repeat(201)}`)).status()).toBe(400);
});
