import { expect, test } from "@playwright/test";

test("search from the box finds exactly the articles that mention Alaska, marked", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).fill("Alaska");
  await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).press("Enter");
  await expect(page).toHaveURL(/[?&]q=Alaska/);
  const results = page.getByTestId("result");
  await expect(results).toHaveCount(2);
  for (const result of await results.all()) {
    await expect(result.locator("mark", { hasText: /^Alaska$/ }).first()).toBeVisible();
  }
});

test("an unmarked query finds the marked words and marks them as written", async ({ page }) => {
  await page.goto("/?q=hoa+binh");
  await expect(page.getByTestId("result").first()).toBeVisible();
  const marked = await page.getByTestId("snippet").locator("mark").allTextContents();
  expect(marked.map((m) => m.toLowerCase())).toContain("hòa bình");
});

test("a shared results URL opened fresh shows the same results, rendered on the server", async ({ page, browser }) => {
  await page.goto("/?q=Putin+Witkoff");
  const titles = await page.getByTestId("result").locator("h2").allTextContents();
  expect(titles.length).toBeGreaterThan(0);

  const fresh = await browser.newContext({ javaScriptEnabled: false });
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId("result").locator("h2")).toHaveText(titles);
  await fresh.close();
});

test("opening a result shows the article's text with the query marked", async ({ page }) => {
  await page.goto("/?q=Kellogg");
  const first = page.getByTestId("result").first();
  const title = await first.locator("h2").textContent();
  await first.locator("h2 a").click();
  await expect(page).toHaveURL(/\/articles\/[^?]+\?q=Kellogg/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title ?? "");
  await expect(page.locator("article mark", { hasText: "Kellogg" }).first()).toBeVisible();
});

test("a bad parameter gets the contract's 400 from the API", async ({ request }) => {
  const res = await request.get("/api/search?from=2025-02-30");
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({
    error: { code: "invalid_parameter", param: "from", message: expect.stringContaining("from") },
  });
});

test("the health endpoint counts the seeds", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(await res.json()).toMatchObject({ status: "ok", articles: 5, skipped: [] });
});

test("without JavaScript the search form keeps the active filters", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto("/?person=vladimir-putin&from=2025-08-01");
  await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).fill("Alaska");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/q=Alaska/);
  const url = new URL(page.url());
  expect(url.searchParams.getAll("person")).toEqual(["vladimir-putin"]);
  expect(url.searchParams.get("from")).toBe("2025-08-01");
  await expect(page.getByTestId("result").first()).toBeVisible();
  await ctx.close();
});
