// A new file in a large archive, in process, as the server's writer sees it:
//   node --expose-gc --import tsx scripts/scale/fresh-file.ts --corpus /tmp/archive-200k --index DIR [--runs 3] [--clock cpu|thread] [--warm]
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
// Each change also prints how late the event loop ran from the moment the file is written until
// the stories are exact again (perf_hooks.monitorEventLoopDelay: p99 and max, wall clock: a
// search arriving then waits that long), and every stall of at least `--stall` ms (default 50)
// with what was under way: the update, the first search, or the background regrouping.
// With `--clock cpu` a stall is one of at least `--stall` ms of the process's CPU time between
// two turns instead (printed wall/CPU), and the most CPU between two turns is printed per phase:
// the process's CPU counts every thread, so while the stories are regrouped on their worker
// thread it counts the worker's work too (the update and the first search run on this thread,
// beside libuv's writes and the collector's helpers). `--clock thread` (Linux) counts only the
// main thread's time on a CPU (/proc/self/task/PID/schedstat), where the update and searches run:
// what one turn of the event loop costs the searches waiting, without the worker's grouping or
// the collector's concurrent marking on other threads (a major GC's pause on this thread counts).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { warmUp } from "@/lib/search/warm-up";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const { values } = cliArgs(__filename, {
  options: {
    corpus: { type: "string" },
    index: { type: "string" },
    runs: { type: "string", default: "3" },
    clock: { type: "string", default: "wall" },
    stall: { type: "string", default: "50" },
    warm: { type: "boolean", default: false },
  },
});
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return mib(process.memoryUsage().rss);
};
const thread = values.clock === "thread";
const cpu = values.clock === "cpu" || thread;
if (!cpu && values.clock !== "wall") throw new Error("--clock is wall, cpu or thread");
/** This (the main) thread's time on a CPU (Linux: /proc/self/task/PID/schedstat, nanoseconds). */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const threadMs = () => Number(readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6;
/** Milliseconds on the chosen clock. */
const now = () => {
  if (!cpu) return performance.now();
  if (thread) return threadMs();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const stallMs = Number(values.stall);

/**
 * How late the event loop runs from now until `stop`: monitorEventLoopDelay's p99 and max, and
 * each stall of at least `stallMs` (wall clock) between two turns of the loop, with the phase it
 * fell in (a change of phase is checked as a turn: the phases are awaited apart).
 */
function watchLoop() {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const stalls: string[] = [];
  /** The most CPU time between two turns, per phase (`--clock cpu`). */
  const longest = new Map<string, number>();
  let phase = "update";
  let last = performance.now();
  let lastCpu = now();
  const check = () => {
    const t = performance.now();
    const c = now();
    if (cpu) longest.set(phase, Math.max(longest.get(phase) ?? 0, c - lastCpu));
    if (cpu ? c - lastCpu >= stallMs : t - last >= stallMs)
      stalls.push(cpu ? `${(t - last).toFixed(0)}/${(c - lastCpu).toFixed(0)} (${phase})` : `${(t - last).toFixed(0)} (${phase})`);
    last = t;
    lastCpu = c;
  };
  const tick = setInterval(check, 1);
  return {
    phase(next: string) {
      check();
      phase = next;
    },
    stop() {
      check();
      clearInterval(tick);
      delay.disable();
      const ms = (ns: number) => (ns / 1e6).toFixed(0);
      const list = stalls.length ? stalls.join(", ") : "none";
      const cpuLongest = cpu ? `; the most CPU between two turns: ${[...longest].map(([p, v]) => `${p} ${v.toFixed(0)} ms`).join(", ")}` : "";
      return `event loop late p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms; stalls of ${stallMs} ms or more (ms${cpu ? ", wall/CPU" : ""}): ${list}${cpuLongest}`;
    },
  };
}

async function main() {
  if (!values.corpus || !values.index) throw new Error("--corpus DIR and --index DIR are required");
  const corpusDir = path.resolve(values.corpus);
  const indexDir = path.resolve(values.index);
  // An index saved for another corpus directory is discarded and rebuilt whole by LiveIndex.open
  // (about an hour at 200k on a loaded machine): refuse instead of timing a rebuild.
  const builtFor = (JSON.parse(readFileSync(path.join(indexDir, "meta.json"), "utf8")) as { corpusDir?: string }).corpusDir;
  if (builtFor !== corpusDir) {
    throw new Error(
      `${indexDir}/meta.json is for ${builtFor}, not ${corpusDir}: point its corpusDir at the corpus copy (write a new meta.json, do not edit a hard-linked one in place)`,
    );
  }
  const t0 = now();
  const index = await LiveIndex.open({ corpusDir, indexDir });
  const opened = now();
  const engine = new SearchEngine(index.archive);
  // As the server does before it says it is ready: stories, facets and pair filters derived now.
  engine.prepare();
  // `--warm`: the server's warm-up searches before it says it is ready, so the first search after
  // the first update is not the process's first search (its code not yet compiled, its scratch not yet made).
  const warmed = values.warm ? warmUp(engine) : null;
  const s = (from: number, to = now()) => `${((to - from) / 1000).toFixed(2)} s`;
  console.log(`clock: ${thread ? "CPU time of the main thread" : cpu ? "CPU time of the process" : "wall"}`);
  console.log(
    `ready: ${s(t0)} (open ${s(t0, opened)}, engine.prepare${warmed ? ` and ${warmed.queries} warm-up searches` : ""} ${s(opened)}; saved index: ${index.loaded.saved}), ${index.archive.live} articles, RSS ${rss()}`,
  );
  const settle = (index as { storiesSettled?: () => Promise<void> }).storiesSettled?.bind(index);
  const exactNow = () => (engine.stories as { exact?: boolean }).exact ?? true;
  /** Wait for the background regrouping and the exact stories' save; with the longest wait of the event loop meanwhile. */
  const settled = async (loop: ReturnType<typeof watchLoop>) => {
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
    // The first search after the swap re-derives what the stories change.
    await new Promise((resolve) => setTimeout(resolve, 1));
    loop.phase("first search on the exact stories");
    engine.prepare();
    return `exact after ${s(from)} more (the event loop waited at most ${longest.toFixed(0)} ms)`;
  };
  for (let run = 1; run <= Number(values.runs); run++) {
    const word = `zqxfresh${run}${Date.now().toString(36)}`;
    const file = path.join(corpusDir, `zz-fresh-${run}.jsonl`);
    const body = `Bài mới ${word} được thêm vào kho lưu trữ trong lúc máy chủ đang chạy, để đo thời gian một tệp mới xuất hiện trong kết quả tìm kiếm.`;
    const loop = watchLoop();
    const t = now();
    writeFileSync(file, JSON.stringify({ id: `fresh-${word}`, title: `Tin mới ${word}`, body, date: "2025-12-31" }) + "\n");
    await index.update();
    const updated = now();
    // The server's first search comes with a request, at a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 1));
    loop.phase("first search");
    const found = engine.search({ ...EMPTY_QUERY, q: word }).total;
    const searchable = now();
    loop.phase("regrouping");
    const exact = await settled(loop);
    const loopSeen = loop.stop();
    console.log(
      `run ${run}: searchable after ${s(t, searchable)} (update ${s(t, updated)}, then the first search ${s(updated, searchable)}; found ${found}); stories ${exact}; RSS ${rss()}`,
    );
    console.log(`        ${loopSeen}`);
    const unloop = watchLoop();
    rmSync(file);
    const r = now();
    await index.update();
    await new Promise((resolve) => setTimeout(resolve, 1));
    unloop.phase("first search");
    const gone = engine.search({ ...EMPTY_QUERY, q: word }).total;
    const removed = now();
    unloop.phase("regrouping");
    const unexact = await settled(unloop);
    const unloopSeen = unloop.stop();
    console.log(`        removed again in ${s(r, removed)} (found ${gone}); stories ${unexact}`);
    console.log(`        ${unloopSeen}`);
  }
  await index.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
