// One story across outlets, on the seeds (five distinct events) plus, arriving while the
// server runs, a copy of one seed under another id and outlet and another outlet's report
// of that seed's event. Its own server on a temporary corpus, from the same build.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { settled, titles, total } from "./helpers";
import { copySeeds, serveOwnCorpus } from "./own-server";

const SEED = "002_39daa1a30ecf3676";

const own = serveOwnCorpus("stories", (dir) => copySeeds(dir), { WATCH_MS: "300" });
let seed: { title: string; date: string; paragraphs: string[] };

test.describe.configure({ mode: "serial" });

async function apiTotal(query: string): Promise<number> {
  const res = await fetch(`${own.server.base}/api/search?${query}`);
  return (await res.json()).total;
}

test("the five seeds are five events: five results, none grouped", async ({ page }) => {
  expect(await apiTotal("")).toBe(5);
  expect(await apiTotal("group=0")).toBe(5);
  await page.goto(`${own.server.base}/`);
  await expect(page.getByTestId("result")).toHaveCount(5);
  await expect(page.getByTestId("story")).toHaveCount(0);
  await expect(page.getByTestId("republished")).toHaveCount(0);
});

test("a copy of a seed under another id and outlet folds under the seed; another outlet's report joins its story", async ({ page }) => {
  seed = await (await fetch(`${own.server.base}/api/articles/${SEED}`)).json();
  const half = Math.ceil(seed.paragraphs.length / 2);
  const records = [
    // Word for word, a day later, by another paper.
    { id: "ban-sao-chep", title: seed.title, body: seed.paragraphs.join("\n"), date: "2025-08-22", outlet: "Báo Sao Chép" },
    // The same event told again: half the seed's facts, the rest its own.
    {
      id: "bai-khac",
      title: "Ông Kellogg: cuộc gặp Trump – Putin ở Alaska là bước tiến lịch sử",
      body: [
        ...seed.paragraphs.slice(0, half),
        "Phát biểu trên truyền hình Mỹ tối 20/8, ông Kellogg nói rằng các bên cần thêm thời gian để chuẩn bị cho một cuộc gặp ba bên.",
        "Theo ông, Washington sẵn sàng tham gia các bảo đảm an ninh cho Kiev, song chi tiết vẫn đang được các nước châu Âu thảo luận.",
        "Các nhà phân tích cho rằng tiến trình này sẽ còn nhiều trở ngại, nhất là về vấn đề lãnh thổ.",
      ].join("\n"),
      date: "2025-08-21",
      outlet: "Báo Đưa Tin Khác",
    },
  ];
  await writeFile(path.join(own.corpus, "them.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  await expect(async () => expect(await apiTotal("group=0")).toBe(7)).toPass();
  // Searchable at once; grouped once the background regrouping (on a worker thread) is done.
  await expect(async () => expect(await apiTotal("")).toBe(5)).toPass();

  await page.goto(`${own.server.base}/`);
  await expect(page.getByTestId("result")).toHaveCount(5);
  const item = page.getByTestId("result").filter({ has: page.getByRole("link", { name: seed.title }) });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId("republished")).toHaveText("Đăng lại bởi 1 báo");
  const button = item.getByRole("button", { name: "1 bài khác về sự kiện này" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(item.getByTestId("story-other")).toBeHidden();
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const other = item.getByTestId("story-other");
  await expect(other).toHaveCount(1);
  await expect(other.getByRole("link")).toHaveText(records[1].title);
  await expect(other).toContainText("Báo Đưa Tin Khác");
  await expect(other.locator("time")).toHaveAttribute("datetime", "2025-08-21");
  // Neither the copy nor the other report is listed on its own.
  const shown = await titles(page);
  expect(shown.filter((t) => t === seed.title)).toHaveLength(1);
  expect(shown).not.toContain(records[1].title);
});

test("the switch lists every article on its own (group=0), and back", async ({ page }) => {
  await page.goto(`${own.server.base}/`);
  await expect(page.getByTestId("result")).toHaveCount(5);
  expect(await total(page)).toBe(5);
  const toggle = page.getByRole("switch", { name: "Gộp tin cùng sự kiện" });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(page).toHaveURL(/[?&]group=0/);
  await settled(page);
  await expect(page.getByTestId("result")).toHaveCount(7);
  expect(await total(page)).toBe(7);
  await expect(page.getByTestId("story")).toHaveCount(0);
  expect((await titles(page)).filter((t) => t === seed.title)).toHaveLength(2);
  // A shared link opens ungrouped too.
  await page.goto(`${own.server.base}/?group=0`);
  await expect(page.getByTestId("result")).toHaveCount(7);
  await expect(page.getByRole("switch", { name: "Gộp tin cùng sự kiện" })).not.toBeChecked();
  await page.getByRole("switch", { name: "Gộp tin cùng sự kiện" }).click();
  await expect(page).not.toHaveURL(/group=/);
  await settled(page);
  await expect(page.getByTestId("result")).toHaveCount(5);
});

test("a search finds the story once, by its best match", async ({ page }) => {
  await page.goto(`${own.server.base}/?q=${encodeURIComponent("Kellogg Alaska")}`);
  await settled(page);
  const shown = await titles(page);
  expect(shown.filter((t) => t === seed.title || t.startsWith("Ông Kellogg"))).toHaveLength(1);
});

test("grouped results, with a story's other reports shown, have no serious or critical axe violations", async ({ page }) => {
  await page.goto(`${own.server.base}/`);
  await page.getByRole("button", { name: "1 bài khác về sự kiện này" }).click();
  await expect(page.getByTestId("story-other")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
