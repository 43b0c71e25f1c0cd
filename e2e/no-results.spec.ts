import { expect, test } from "@playwright/test";
import { settled, total } from "./helpers";

test("a misspelt lone word offers the correction as a link", async ({ page }) => {
  await page.goto("/?q=Kellog");
  const suggestion = page.getByTestId("suggestion");
  await expect(suggestion.first()).toBeVisible();
  await expect(suggestion).toContainText("Có phải bạn muốn tìm");
  await suggestion.getByRole("link", { name: "Kellogg" }).click();
  await expect(page).toHaveURL(/\?q=Kellogg$/);
  await settled(page);
  expect(await total(page)).toBeGreaterThan(0);
  await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toHaveValue("Kellogg");
});

test("no results say so and offer to drop each active filter", async ({ page }) => {
  // Every seed is dated 2025; nothing is newer than 2025-12-31.
  await page.goto("/?q=Alaska&from=2026-01-01");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  const none = page.getByTestId("no-results");
  await expect(none).toContainText("Không tìm thấy kết quả cho «Alaska» với các bộ lọc đang chọn.");
  await none.getByRole("link", { name: "Bỏ lọc ngày: Từ 1/1/2026" }).click();
  await expect(page).toHaveURL(/\?q=Alaska$/);
  await settled(page);
  expect(await total(page)).toBeGreaterThan(0);
});

test("a name the archive does not hold shows no results, and no unrelated article", async ({ page }) => {
  // No seed mentions Elon Musk ("Elon" used to be read as "lớn").
  await page.goto("/?q=Elon+Musk");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await expect(page.getByTestId("no-results")).toContainText("Không tìm thấy kết quả cho «Elon Musk»");
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByTestId("suggestion")).toHaveCount(0);
});

test("a marked query is not read as its look-alikes: cơn bão has no results on the seeds", async ({ page }) => {
  // The seeds hold con, còn, hơn, bảo and bao, never cơn bão.
  await page.goto("/?q=c%C6%A1n+b%C3%A3o");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByTestId("suggestion")).toHaveCount(0);
});

test("when no article has every word, a looser search finds articles with some of them", async ({ page }) => {
  await page.goto("/?q=Alaska+qqxxzzqq");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await page.getByTestId("match-any").click();
  await expect(page).toHaveURL(/match=any/);
  await settled(page);
  await expect(page.getByTestId("relaxed")).toContainText("Các bài chứa một số từ khóa");
  const results = page.getByTestId("result");
  await expect(results.first()).toBeVisible();
  // Every result really holds a typed word, marked.
  for (const marks of await results.evaluateAll((els) => els.map((el) => [...el.querySelectorAll("mark")].map((m) => m.textContent ?? "")))) {
    expect(marks.map((m) => m.toLowerCase())).toContain("alaska");
  }
});

test("a misspelt name shows the corrected results with a link to each query", async ({ page }) => {
  await page.goto("/?q=Vladimir+Putn");
  const corrected = page.getByTestId("corrected");
  await expect(corrected).toContainText("Hiển thị kết quả cho «Vladimir Putin». Tìm chính xác «Vladimir Putn»");
  expect(await total(page)).toBeGreaterThan(0);
  await expect(page.getByTestId("result").first().locator("mark").first()).toBeVisible();
  await corrected.getByRole("link", { name: "Vladimir Putn" }).click();
  await expect(page).toHaveURL(/match=exact/);
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await expect(page.getByTestId("corrected")).toHaveCount(0);
});

test("a quoted phrase no article writes is searched as its words, and the page says so", async ({ page }) => {
  // The seeds write `Vladimir Putin`, never `Putin Vladimir`: the quote matches nothing, its words do.
  await page.goto(`/?q=${encodeURIComponent('"Putin Vladimir"')}`);
  const corrected = page.getByTestId("corrected");
  await expect(corrected).toContainText('Hiển thị kết quả cho «Putin Vladimir». Tìm chính xác «"Putin Vladimir"»');
  expect(await total(page)).toBeGreaterThan(0);
  // The exact search keeps the quote: nothing.
  await corrected.getByRole("link", { name: '"Putin Vladimir"' }).click();
  await expect(page).toHaveURL(/match=exact/);
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
});

test("a query typed in Telex with the input method off finds hòa bình", async ({ page }) => {
  await page.goto("/?q=hoaf+binhf");
  await expect(page.getByTestId("corrected")).toContainText("Hiển thị kết quả cho «hoà bình»");
  expect(await total(page)).toBeGreaterThan(0);
  const marks = await page.getByTestId("result").locator("mark").allTextContents();
  expect(marks.map((m) => m.toLowerCase().normalize("NFC"))).toContain("hòa bình");
});

test("a query of punctuation or emoji alone shows no results and says why, not every article", async ({ page }) => {
  await page.goto("/?q=%21%21%21");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByTestId("no-results")).toContainText("Không tìm thấy kết quả cho «!!!»");
  await expect(page.getByTestId("no-words")).toHaveText("Từ khóa không có chữ hay số nào để tìm.");
  const api = await page.request.get("/api/search?q=%F0%9F%94%A5");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.total).toBe(0);
  expect(body.hits).toEqual([]);
});
