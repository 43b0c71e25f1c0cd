import { expect, test } from "@playwright/test";
import { resultDates, settled, total } from "./helpers";

const day = (d: Date) => d.toISOString().slice(0, 10);
const minusDays = (iso: string, n: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000));

test("a histogram bar filters to its month", async ({ page }) => {
  await page.goto("/");
  const bar = page.getByTestId("histogram").getByRole("link").first();
  const label = (await bar.getAttribute("aria-label")) ?? "";
  const [, month, year, count] = /tháng (\d+) năm (\d{4}): (\d+) bài/.exec(label) ?? [];
  expect(count).toBeTruthy();
  await bar.click();
  const mm = month.padStart(2, "0");
  await expect(page).toHaveURL(new RegExp(`from=${year}-${mm}-01&to=${year}-${mm}-\\d\\d`));
  await settled(page);
  expect(await total(page)).toBe(Number(count));
  for (const d of await resultDates(page)) expect(d.startsWith(`${year}-${mm}`)).toBe(true);
  await expect(page.getByTestId("histogram").getByRole("link", { name: label })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: /Bỏ lọc ngày: Từ 1 tháng/ })).toBeVisible();
});

test("from/to inputs filter inclusively and land in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Từ ngày").fill("2025-08-01");
  await expect(page).toHaveURL(/from=2025-08-01/);
  await page.getByLabel("Đến ngày").fill("2025-08-21");
  await expect(page).toHaveURL(/from=2025-08-01&to=2025-08-21/);
  await settled(page);
  const dates = await resultDates(page);
  expect(dates.length).toBe(await total(page));
  // The seeds have two articles dated from metadata in that range: 7 and 21 August.
  expect(dates).toEqual(expect.arrayContaining(["2025-08-21", "2025-08-07"]));
  for (const d of dates) expect(d >= "2025-08-01" && d <= "2025-08-21").toBe(true);
  await expect(page.getByLabel("Từ ngày")).toHaveValue("2025-08-01");

  // A reversed range is swapped rather than refused.
  await page.getByLabel("Từ ngày").fill("2025-09-30");
  await expect(page).toHaveURL(/from=2025-08-21&to=2025-09-30/);
});

test("quick ranges count back from the newest article; 'Tất cả' clears them", async ({ page }) => {
  await page.goto("/");
  const newest = (await resultDates(page))[0];
  expect(newest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByRole("link", { name: "30 ngày" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${minusDays(newest, 29)}&to=${newest}`));
  await settled(page);
  for (const d of await resultDates(page)) expect(d >= minusDays(newest, 29) && d <= newest).toBe(true);
  await expect(page.getByRole("link", { name: "30 ngày" })).toHaveAttribute("aria-current", "true");
  await page.getByRole("link", { name: "12 tháng" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  await settled(page);
  await page.getByRole("link", { name: "Tất cả" }).click();
  await expect(page).toHaveURL(/\/$/);
  await settled(page);
  expect(await total(page)).toBe(5);
});

test("a shared date-range link renders the same filtered results on the server", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto("/?from=2025-08-01&to=2025-08-31");
  for (const d of await resultDates(page)) expect(d.startsWith("2025-08")).toBe(true);
  await expect(page.getByTestId("total")).toHaveText(/^\d+ kết quả$/);
  await ctx.close();
});
