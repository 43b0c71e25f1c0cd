// Live updates: a file copied into the corpus directory of the running app appears in the
// browser's results without a restart. Its own server on a temporary corpus and index
// (the shared e2e server serves the bundled seeds, which must not change).
import { copyFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { titles } from "./helpers";
import { copySeeds, serveOwnCorpus } from "./own-server";

const own = serveOwnCorpus("live", (dir) => copySeeds(dir, 2), { WATCH_MS: "300" });

test.describe.configure({ mode: "serial" });

test("a file copied into the corpus directory shows up in the results without a restart", async ({ page }) => {
  await page.goto(`${own.server.base}/?q=${encodeURIComponent("sầu riêng")}`);
  await expect(page.getByTestId("result")).toHaveCount(0);

  const article = {
    id: "live-sau-rieng",
    title: "Sầu riêng Đắk Lắk vào vụ thu hoạch",
    body: "Nông dân Đắk Lắk bắt đầu thu hoạch sầu riêng, giá bán tại vườn tăng so với năm trước.\nThương lái đến tận vườn thu mua sầu riêng để xuất khẩu.",
    date: "2025-09-02",
  };
  // Written elsewhere, then copied in: how a crawler drops a finished file.
  const staged = path.join(own.index, "..", `${path.basename(own.corpus)}-staged.jsonl`);
  await writeFile(staged, `${JSON.stringify(article)}\n`);
  await copyFile(staged, path.join(own.corpus, "moi.jsonl"));
  await rm(staged, { force: true });

  await expect(async () => {
    await page.reload();
    expect(await titles(page)).toEqual([article.title]);
  }).toPass();
  // The older articles are still there, and the new one is counted in the archive.
  const health = await (await fetch(`${own.server.base}/api/health`)).json();
  expect(health.articles).toBe(3);
});
