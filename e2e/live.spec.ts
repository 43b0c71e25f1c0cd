// Live updates: a file copied into the corpus directory of the running app appears in the
// browser's results without a restart. Its own server on a temporary corpus and index
// (the shared e2e server serves the bundled seeds, which must not change).
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { titles } from "./helpers";
import { startServer, type OwnServer } from "./own-server";

let corpus: string;
let index: string;
let server: OwnServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  corpus = await mkdtemp(path.join(tmpdir(), "timtin-live-corpus-"));
  index = await mkdtemp(path.join(tmpdir(), "timtin-live-index-"));
  for (const f of (await readdir("seeds")).filter((f) => f.endsWith(".txt")).slice(0, 2)) await copyFile(path.join("seeds", f), path.join(corpus, f));
  server = await startServer(corpus, { INDEX_DIR: index, WATCH_MS: "300" });
});

test.afterAll(async () => {
  server?.proc.kill("SIGTERM");
  await server?.exited;
  for (const d of [corpus, index]) if (d) await rm(d, { recursive: true, force: true });
});

test("a file copied into the corpus directory shows up in the results without a restart", async ({ page }) => {
  await page.goto(`${server.base}/?q=${encodeURIComponent("sầu riêng")}`);
  await expect(page.getByTestId("result")).toHaveCount(0);

  const article = {
    id: "live-sau-rieng",
    title: "Sầu riêng Đắk Lắk vào vụ thu hoạch",
    body: "Nông dân Đắk Lắk bắt đầu thu hoạch sầu riêng, giá bán tại vườn tăng so với năm trước.\nThương lái đến tận vườn thu mua sầu riêng để xuất khẩu.",
    date: "2025-09-02",
  };
  // Written elsewhere, then copied in: how a crawler drops a finished file.
  const staged = path.join(index, "..", `${path.basename(corpus)}-staged.jsonl`);
  await writeFile(staged, `${JSON.stringify(article)}\n`);
  await copyFile(staged, path.join(corpus, "moi.jsonl"));
  await rm(staged, { force: true });

  await expect(async () => {
    await page.reload();
    expect(await titles(page)).toEqual([article.title]);
  }).toPass();
  // The older articles are still there, and the new one is counted in the archive.
  const health = await (await fetch(`${server.base}/api/health`)).json();
  expect(health.articles).toBe(3);
});
