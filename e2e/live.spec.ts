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

test("a file written in parts while 20 requests run: every answer whole, no line lost or reported", async () => {
  // As a crawler appending to a new file: the watcher may read it between two writes, in the
  // middle of a line; requests of every kind keep coming meanwhile.
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({ id: `live-parts-${i}`, title: `Tin zyxparts số ${i}`, body: `Bài zyxparts số ${i} về giá lúa.`, date: "2025-09-03" }),
  );
  const text = lines.map((l) => `${l}\n`).join("");
  const cuts = [0, text.indexOf("\n", text.length / 3) + 15, text.indexOf("\n", (2 * text.length) / 3) + 7, text.length];
  const paths = [
    "/api/search?q=zyxparts&group=0&size=50",
    "/api/search?q=zyxparts",
    "/?q=zyxparts",
    "/feed?q=zyxparts",
    "/api/facets?facet=outlet&q=zyxparts",
    "/api/health",
  ];
  const answers: Promise<{ path: string; status: number; body: string }>[] = [];
  const fire = () => {
    for (let i = 0; i < 20; i++) {
      const p = paths[i % paths.length];
      answers.push(fetch(`${own.server.base}${p}`).then(async (r) => ({ path: p, status: r.status, body: await r.text() })));
    }
  };
  const file = path.join(own.corpus, "parts.jsonl");
  for (let i = 1; i < cuts.length; i++) {
    fire();
    await writeFile(file, text.slice(cuts[i - 1], cuts[i]), { flag: i === 1 ? "w" : "a" });
    // Long enough for the watcher (WATCH_MS 300) to read the file between two writes.
    await new Promise((r) => setTimeout(r, 700));
  }
  for (const a of await Promise.all(answers)) {
    expect(a.status, a.path).toBe(200);
    if (a.path.startsWith("/api/")) expect(() => JSON.parse(a.body), a.path).not.toThrow();
    else expect(a.body.trimEnd(), a.path).toMatch(/<\/(html|feed)>$/);
  }
  await expect(async () => {
    const found = await (await fetch(`${own.server.base}/api/search?q=zyxparts&group=0&size=50`)).json();
    expect(found.total).toBe(lines.length);
  }).toPass();
  const health = await (await fetch(`${own.server.base}/api/health`)).json();
  expect(health.skipped).toEqual([]);
});
