import { expect, test } from "@playwright/test";
import { resultDates, settled, total } from "./helpers";

const day = (d: Date) => d.toISOString().slice(0, 10);
const minusDays = (iso: string, n: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000));

// The seeds: four dated articles (April, August twice, December 2025) and one without a date.

test("on the seeds the histogram draws months; a bar zooms in to its days and back out", async ({ page }) => {
  test.slow(); // many steps: more room on a loaded machine, not a speed limit
  await page.goto("/");
  const histogram = page.getByTestId("histogram");
  await expect(histogram).toHaveAttribute("data-unit", "month");
  await expect(histogram.getByRole("listitem")).toHaveCount(9); // April to December, empty months included
  const bar = histogram.getByRole("link", { name: /tháng 8\/2025: 2 bài/ });
  await expect(bar).toHaveAttribute("href", "/?from=2025-08-01&to=2025-08-31");
  await bar.click();
  await expect(page).toHaveURL(/from=2025-08-01&to=2025-08-31/);
  await settled(page);
  expect(await total(page)).toBe(2);
  for (const d of await resultDates(page)) expect(d.startsWith("2025-08")).toBe(true);
  // Zoomed into August: one bar per day, from the 7th to the 21st.
  await expect(histogram).toHaveAttribute("data-unit", "day");
  await expect(histogram.getByRole("listitem")).toHaveCount(15);
  await histogram.getByRole("link", { name: /21\D+8\D+2025: 1 bài/ }).click();
  await expect(page).toHaveURL(/from=2025-08-21&to=2025-08-21/);
  await settled(page);
  expect(await resultDates(page)).toEqual(["2025-08-21"]);
  await page.getByRole("link", { name: /^‹ Cả tháng 8/ }).click();
  await expect(page).toHaveURL(/from=2025-08-01&to=2025-08-31/);
  await page.getByRole("link", { name: /^‹ Cả năm 2025/ }).click();
  await expect(page).toHaveURL(/from=2025-01-01&to=2025-12-31/);
  await settled(page);
  expect(await total(page)).toBe(4);
});

test("the undated bucket lists the articles without a date alone, or leaves them out", async ({ page }) => {
  await page.goto("/");
  const only = page.getByTestId("undated").getByRole("link", { name: "Không rõ ngày (1)" });
  await only.click();
  await expect(page).toHaveURL(/\?undated=only$/);
  await settled(page);
  expect(await total(page)).toBe(1);
  expect(await resultDates(page)).toEqual([]);
  await expect(only).toHaveAttribute("aria-current", "true");
  await page.getByTestId("undated").getByRole("link", { name: "Bỏ bài không rõ ngày" }).click();
  await expect(page).toHaveURL(/\?undated=exclude$/);
  await settled(page);
  expect(await total(page)).toBe(4);
  expect((await resultDates(page)).length).toBe(4);
  // The API takes the same parameter, and refuses a contradiction with a message.
  const api = await page.request.get("/api/search?undated=only");
  const body = await api.json();
  expect([body.total, body.facets.undated, body.query.undated]).toEqual([1, 1, "only"]);
  const bad = await page.request.get("/api/search?undated=only&from=2025-01-01");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.param).toBe("undated");
});

test("quick ranges count back from the newest article of a static archive, and say so", async ({ page }) => {
  await page.goto("/");
  // "Mới nhất" opens with a possible date: the newest seed, 4 December 2025.
  const newest = (await resultDates(page))[0];
  expect(newest).toBe("2025-12-04");
  await expect(page.getByTestId("range-end")).toHaveText("Tính đến 4/12/2025, ngày của bài mới nhất");
  const d30 = page.getByRole("link", { name: "30 ngày trước 4/12/2025" });
  await d30.click();
  await expect(page).toHaveURL(new RegExp(`from=${minusDays(newest, 29)}&to=${newest}`));
  await settled(page);
  expect(await resultDates(page)).toEqual(["2025-12-04"]);
  await expect(d30).toHaveAttribute("aria-current", "true");
  await page.getByRole("link", { name: "12 tháng trước 4/12/2025" }).click();
  await expect(page).toHaveURL(/from=2024-12-05&to=2025-12-04/);
  await settled(page);
  expect(await total(page)).toBe(4);
  await page.getByRole("link", { name: "Tất cả", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await settled(page);
  expect(await total(page)).toBe(5);
});

test("from/to inputs filter inclusively and land in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Từ ngày").fill("01/08/2025");
  await expect(page).toHaveURL(/from=2025-08-01/);
  await page.getByLabel("Đến ngày").fill("21/08/2025");
  await expect(page).toHaveURL(/from=2025-08-01&to=2025-08-21/);
  await settled(page);
  const dates = await resultDates(page);
  expect(dates.length).toBe(await total(page));
  // The seeds have two articles dated from metadata in that range: 7 and 21 August.
  expect(dates).toEqual(expect.arrayContaining(["2025-08-21", "2025-08-07"]));
  for (const d of dates) expect(d >= "2025-08-01" && d <= "2025-08-21").toBe(true);
  await expect(page.getByLabel("Từ ngày")).toHaveValue("01/08/2025");

  // A reversed range is swapped rather than refused.
  await page.getByLabel("Từ ngày").fill("30/09/2025");
  await expect(page).toHaveURL(/from=2025-08-21&to=2025-09-30/);
});

test("a shared date-range link renders the same filtered results on the server", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto("/?from=2025-08-01&to=2025-08-31");
  for (const d of await resultDates(page)) expect(d.startsWith("2025-08")).toBe(true);
  await expect(page.getByTestId("total")).toHaveText(/^\d+ kết quả$/);
  await expect(page.getByTestId("histogram")).toHaveAttribute("data-unit", "day");
  await ctx.close();
});
