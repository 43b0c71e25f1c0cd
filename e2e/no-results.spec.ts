import { expect, test } from "@playwright/test";
import { settled, total } from "./helpers";

test("a misspelt query offers the correction as a link", async ({ page }) => {
  await page.goto("/?q=Kellog");
  const suggestion = page.getByTestId("suggestion");
  await expect(suggestion.first()).toBeVisible();
  await expect(suggestion).toContainText("Có phải bạn muốn tìm");
  await suggestion.getByRole("link", { name: "Kellogg" }).click();
  await expect(page).toHaveURL(/\?q=Kellogg$/);
  await settled(page);
  expect(await total(page)).toBeGreaterThan(0);
  await expect(page.getByRole("searchbox", { name: "Tìm kiếm tin tức" })).toHaveValue("Kellogg");
});

test("no results say so and offer to drop each active filter", async ({ page }) => {
  // Every seed is dated 2025; nothing is newer than 2025-12-31.
  await page.goto("/?q=Alaska&from=2026-01-01");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  const none = page.getByTestId("no-results");
  await expect(none).toContainText("Không tìm thấy bài nào cho “Alaska” với các bộ lọc đang chọn.");
  await none.getByRole("link", { name: "Bỏ lọc ngày: Từ 1 tháng 1, 2026" }).click();
  await expect(page).toHaveURL(/\?q=Alaska$/);
  await settled(page);
  expect(await total(page)).toBeGreaterThan(0);
});

test("a query nothing matches says so plainly", async ({ page }) => {
  await page.goto("/?q=qqxxzzqq");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await expect(page.getByTestId("no-results")).toContainText("Không tìm thấy bài nào cho “qqxxzzqq”");
});

test("when no article has every word, the page says these match some of them", async ({ page }) => {
  await page.goto("/?q=Alaska+qqxxzzqq");
  const relaxed = page.getByTestId("relaxed");
  await expect(page.getByTestId("result").first()).toBeVisible();
  await expect(relaxed).toContainText("Không có bài nào chứa tất cả các từ");
});
