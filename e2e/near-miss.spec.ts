// Near misses on the seeds plus two reports of a forest fire: a query whose minor word
// (`ở`, in most articles) one report lacks lists that report after the full match, saying
// "Không có: ở" with the word struck through; the count stays the full matches'. Its own
// server on a temporary corpus, from the same build.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { settled, titles } from "./helpers";
import { copySeeds, serveOwnCorpus } from "./own-server";

const FULL = {
  id: "chay-rung-day-du",
  title: "Cháy rừng ở Pleiku lan rộng",
  body: "Đám cháy rừng ở Pleiku kéo dài suốt đêm qua.",
  date: "2025-05-02",
  outlet: "Báo Gia Lai",
};
const NEAR = {
  id: "chay-rung-thieu-tu",
  title: "Cháy rừng thông tại Pleiku",
  body: "Lửa lan nhanh trên đồi thông, lực lượng kiểm lâm đã khống chế đám cháy.",
  date: "2025-05-03",
  outlet: "Báo Tây Nguyên",
};

const own = serveOwnCorpus("near-miss", async (dir) => {
  await copySeeds(dir);
  await writeFile(path.join(dir, "chay-rung.jsonl"), [FULL, NEAR].map((r) => JSON.stringify(r)).join("\n") + "\n");
});

test.describe.configure({ mode: "serial" });

const api = async (q: string) => (await fetch(`${own.server.base}/api/search?q=${encodeURIComponent(q)}`)).json();

test("the API lists a near miss after the full match, says which word it lacks, and counts it apart", async () => {
  const res = await api("cháy rừng ở Pleiku");
  expect(res.total).toBe(1);
  expect(res.totalNearMisses).toBe(1);
  expect(res.hits.map((h: { id: string }) => h.id)).toEqual([FULL.id, NEAR.id]);
  expect(res.hits.map((h: { missing: string[] }) => h.missing)).toEqual([[], ["ở"]]);
  // Facets count the full match only.
  expect(res.facets.outlets.map((o: { name: string }) => o.name)).toEqual([FULL.outlet]);
});

test("the page shows the near miss below the full match with the missing word struck through", async ({ page }) => {
  await page.goto(`${own.server.base}/?q=${encodeURIComponent("cháy rừng ở Pleiku")}`);
  await settled(page);
  expect(await titles(page)).toEqual([FULL.title, NEAR.title]);
  await expect(page.getByTestId("total")).toHaveText("1 kết quả");
  await expect(page.getByTestId("total-near-misses")).toContainText("1 bài thiếu một từ");
  const items = page.getByTestId("result");
  await expect(items.nth(0).getByTestId("missing")).toHaveCount(0);
  const note = items.nth(1).getByTestId("missing");
  await expect(note).toHaveText("Không có: ở");
  await expect(note.locator("s")).toHaveText("ở");
  const axe = await new AxeBuilder({ page }).include("#ket-qua").analyze();
  expect(axe.violations).toEqual([]);
});

test("a rare word is never the one left out, and nothing is shown when no article has every word", async ({ page }) => {
  // No article names Kon Tum: the fire reports lack a rare word, so they are not near misses.
  const res = await api("cháy rừng ở Kontum");
  expect(res.total).toBe(0);
  expect(res.hits).toEqual([]);
  await page.goto(`${own.server.base}/?q=${encodeURIComponent("cháy rừng ở Kontum")}`);
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  await expect(page.getByTestId("missing")).toHaveCount(0);
  // Two words: never a near miss, even of a common word.
  const two = await api("Pleiku ở");
  expect(two.totalNearMisses).toBe(0);
  expect(two.hits.every((h: { missing: string[] }) => h.missing.length === 0)).toBe(true);
});
