import { expect, test } from "@playwright/test";
import { settled, total } from "./helpers";

test("an impossible date explains itself and offers the link without it", async ({ page }) => {
  const res = await page.goto("/?q=Putin&from=2025-02-30");
  expect(res?.status()).toBe(400);
  const alert = page.getByTestId("bad-params");
  await expect(alert).toContainText("Liên kết tìm kiếm này có tham số không hợp lệ");
  await expect(alert).toContainText("Ngày bắt đầu (from)");
  await alert.getByRole("link", { name: "Bỏ tham số from và tìm lại" }).click();
  await expect(page).toHaveURL(/\/\?q=Putin$/);
  await expect(page.getByTestId("result").first()).toBeVisible();
});

test("other bad values get a clean way back", async ({ page }) => {
  for (const url of ["/?page=abc", "/?sort=best", "/?from=2025-09-01&to=2025-08-01", "/?person=Vladimir%20Putin"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(400);
    await expect(page.getByTestId("bad-params")).toBeVisible();
  }
  await page.getByRole("link", { name: "Bắt đầu tìm kiếm mới" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("result").first()).toBeVisible();
});

test("an unknown person id (a stale link) is named, with a link to the search without it", async ({ page }) => {
  await page.goto("/?q=Putin&person=khong-co-nguoi-nay");
  const alert = page.getByTestId("unknown-filters");
  await expect(alert).toContainText("khong-co-nguoi-nay");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await alert.getByRole("link", { name: "Bỏ các bộ lọc này" }).click();
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);
  expect(await total(page)).toBeGreaterThan(0);
});

test("an unknown article says so in Vietnamese", async ({ page }) => {
  const res = await page.goto("/articles/khong-co-bai-nay");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy bài viết" })).toBeVisible();
});

test("an article link whose q or back is not valid percent-encoded UTF-8 shows the article, without them", async ({ request }) => {
  const backOf = (html: string) => /href="([^"]*)"/.exec(/<a [^>]*data-testid="back"[^>]*>/.exec(html)?.[0] ?? "")?.[1];
  const good = await request.get("/articles/002_39daa1a30ecf3676?q=Putin");
  expect(good.status()).toBe(200);
  const goodHtml = await good.text();
  expect(goodHtml).toContain("<mark");
  expect(backOf(goodHtml)).toContain("q=Putin");
  // As /api/articles/{id} ignores them: a 200, no highlight and no search for the damaged words.
  for (const search of ["?q=Putin%ZZ", "?q=Putin%C0%80&back=%3Fq%3DPutin%ff"]) {
    const res = await request.get(`/articles/002_39daa1a30ecf3676${search}`);
    expect(res.status(), search).toBe(200);
    const html = await res.text();
    expect(html, search).not.toContain("<mark");
    expect(backOf(html), search).toBe("/");
  }
  expect((await request.get("/api/articles/002_39daa1a30ecf3676?q=Putin%ZZ")).status()).toBe(200);
});
