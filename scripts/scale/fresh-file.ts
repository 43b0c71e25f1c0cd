// A new file in a large archive, in process, as the server's writer sees it:
//   node --expose-gc --import tsx scripts/scale/fresh-file.ts --corpus /tmp/archive-200k --index DIR [--runs 3] [--clock cpu]
// Opens the saved index and derives what the server derives before it is ready
// (engine.prepare: the time to ready and RSS after a full GC), then, each run, drops a
// one-article .jsonl file with a made-up word into the corpus directory, applies the change as
// the server's watcher does (LiveIndex.update) and times until a search finds the word (the
// first search after a change re-derives stories and facets), then until the stories are
// exact again (a change that cannot extend the grouping shows provisional stories and is
// regrouped in the background: lib/stories/archive-stories.ts), with the longest the event
// loop (where searches run) waited meanwhile; the file is removed (and that change applied,
// and its stories settled) after each run. `--clock cpu` times with the process's CPU time
// (user + system, every thread) instead of the wall clock: on a shared machine the wall clock
// mostly measures the other processes. The longest wait is then the most CPU spent between
// two turns of the event loop. The server looks at the directory every WATCH_MS (1 s by
// default): add up to that to the times printed. It writes into the corpus directory: run it
// on a copy (cp -al) of a corpus, with an index built for (or pointed at) the copy.
// Runs on code without background regrouping too (A/B against an older commit).
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const { values } = cliArgs(__filename, {
  options: { corpus: { type: "string" }, index: { type: "string" }, runs: { type: "string", default: "3" }, clock: { type: "string", default: "wall" } },
});
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return mib(process.memoryUsage().rss);
};
const cpu = values.clock === "cpu";
if (!cpu && values.clock !== "wall") throw new Error("--clock is wall or cpu");
/** Milliseconds on the chosen clock. */
const now = () => {
  if (!cpu) return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  if (!values.corpus || !values.index) throw new Error("--corpus DIR and --index DIR are required");
  const corpusDir = path.resolve(values.corpus);
  const t0 = now();
  const index = await LiveIndex.open({ corpusDir, indexDir: path.resolve(values.index) });
  const opened = now();
  const engine = new SearchEngine(index.archive);
  // As the server does before it says it is ready: stories, facets and pair filters derived now.
  engine.prepare();
  const s = (from: number, to = now()) => `${((to - from) / 1000).toFixed(2)} s`;
  console.log(`clock: ${cpu ? "CPU time of the process" : "wall"}`);
  console.log(
    `ready: ${s(t0)} (open ${s(t0, opened)}, engine.prepare ${s(opened)}; saved index: ${index.loaded.saved}), ${index.archive.live} articles, RSS ${rss()}`,
  );
  const settle = (index as { storiesSettled?: () => Promise<void> }).storiesSettled?.bind(index);
  const exactNow = () => (engine.stories as { exact?: boolean }).exact ?? true;
  /** Wait for the background regrouping and the exact stories' save; with the longest wait of the event loop meanwhile. */
  const settled = async () => {
    if (exactNow() || !settle) return "exact at once";
    const from = now();
    let last = from;
    let longest = 0;
    const tick = setInterval(() => {
      const t = now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 1);
    await settle();
    clearInterval(tick);
    engine.prepare();
    return `exact after ${s(from)} more (the event loop waited at most ${longest.toFixed(0)} ms)`;
  };
  for (let run = 1; run <= Number(values.runs); run++) {
    const word = `zqxfresh${run}${Date.now().toString(36)}`;
    const file = path.join(corpusDir, `zz-fresh-${run}.jsonl`);
    const body = `Bài mới ${word} được thêm vào kho lưu trữ trong lúc máy chủ đang chạy, để đo thời gian một tệp mới xuất hiện trong kết quả tìm kiếm.`;
    const t = now();
    writeFileSync(file, JSON.stringify({ id: `fresh-${word}`, title: `Tin mới ${word}`, body, date: "2025-12-31" }) + "\n");
    await index.update();
    const updated = now();
    const found = engine.search({ ...EMPTY_QUERY, q: word }).total;
    const searchable = now();
    const exact = await settled();
    console.log(
      `run ${run}: searchable after ${s(t, searchable)} (update ${s(t, updated)}, then the first search ${s(updated, searchable)}; found ${found}); stories ${exact}; RSS ${rss()}`,
    );
    rmSync(file);
    const r = now();
    await index.update();
    const gone = engine.search({ ...EMPTY_QUERY, q: word }).total;
    const removed = now();
    console.log(`        removed again in ${s(r, removed)} (found ${gone}); stories ${await settled()}`);
  }
  await index.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
