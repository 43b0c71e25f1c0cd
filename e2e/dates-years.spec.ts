// The date facet on an archive spanning several years: its own server on a temporary corpus
// (the shared e2e server serves the seeds), started from the same build with `next start`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { resultDates, settled, total } from "./helpers";
import { serveOwnCorpus } from "./own-server";

// 2017–2024 (more than 60 months) with metadata dates, 3 articles in March 2022 and one undated article.
const DATES = ["2017-05-02", "2020-01-15", "2021-07-09", "2022-03-01", "2022-03-01", "2022-03-17", "2022-11-30", "2023-06-06", "2024-02-29", null];

const own = serveOwnCorpus("years", async (dir) => {
  const lines = DATES.map((date, i) =>
    JSON.stringify({ id: `nam-${i}`, title: `Bản tin số ${i}`, body: `Nội dung bản tin số ${i} về thời tiết và giao thông.`, ...(date ? { date } : {}) }),
  );
  await writeFile(path.join(dir, "archive.jsonl"), `${lines.join("\n")}\n`);
});

test.describe.configure({ mode: "serial" });

test("years, then a year's months, then a month's days; each bar is a link", async ({ page }) => {
  test.slow(); // many steps: more room on a loaded machine, not a speed limit
  await page.goto(`${own.server.base}/`);
  const histogram = page.getByTestId("histogram");
  await expect(histogram).toHaveAttribute("data-unit", "year");
  await expect(histogram.getByRole("listitem")).toHaveCount(8); // 2017 to 2024, empty years included
  const y2022 = histogram.getByRole("link", { name: /năm 2022: 4 bài/ });
  await expect(y2022).toHaveAttribute("href", "/?from=2022-01-01&to=2022-12-31");
  await y2022.click();
  await expect(page).toHaveURL(/from=2022-01-01&to=2022-12-31/);
  await settled(page);
  expect(await total(page)).toBe(4);
  await expect(histogram).toHaveAttribute("data-unit", "month");
  await expect(histogram.getByRole("listitem")).toHaveCount(9); // March to November
  await histogram.getByRole("link", { name: /tháng 3\/2022: 3 bài/ }).click();
  await expect(page).toHaveURL(/from=2022-03-01&to=2022-03-31/);
  await settled(page);
  expect(await total(page)).toBe(3);
  await expect(histogram).toHaveAttribute("data-unit", "day");
  await expect(histogram.getByRole("listitem")).toHaveCount(17);
  for (const d of await resultDates(page)) expect(d.startsWith("2022-03")).toBe(true);
});

test("the undated bucket and quick ranges on a static archive", async ({ page }) => {
  await page.goto(`${own.server.base}/`);
  expect((await resultDates(page))[0]).toBe("2024-02-29");
  await expect(page.getByTestId("range-end")).toContainText("29/2/2024");
  await page.getByRole("link", { name: "12 tháng trước 29/2/2024" }).click();
  await expect(page).toHaveURL(/from=2023-03-01&to=2024-02-29/);
  await settled(page);
  expect(await resultDates(page)).toEqual(["2024-02-29", "2023-06-06"]);
  await page.getByTestId("undated").getByRole("link", { name: "Không rõ ngày (1)" }).click();
  await expect(page).toHaveURL(/\?undated=only$/);
  await settled(page);
  expect(await total(page)).toBe(1);
});
