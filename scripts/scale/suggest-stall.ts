// Whether a suggestion stalls the server (issue #10): the built app (one server process) on a
// copy of a saved index is sent /api/suggest and /api/search requests all at once, after its
// start and again after a new corpus file, and then two at a time until its suggestions are
// served (after the start: the `--probe` prefix has completions; after the file: its made-up
// phrase is suggested). Per phase it prints the slowest request, every request's status, how
// long until the suggestions were served, and the server's main thread: the most CPU it spent
// between two answers while requests were waiting (`/proc/PID/task/PID/schedstat`, Linux: what
// a request arriving then could wait, in CPU, so the machine's other jobs count less than in
// wall time) and the event loop's longest delay from `/api/health` (wall clock). After
// `npm run build`:
//   npx tsx scripts/scale/suggest-stall.ts --index DIR --corpus DIR [--port 4120] [--app CHECKOUT] [--runs 1]
// `--index`: a saved index of `--corpus`; neither is written: each run serves a fresh copy of the
// index (meta.json pointed at a hard-linked copy of the corpus) under `--work`, and the new file
// is written into that copy. `--app`: another built checkout to serve (an A/B of two builds on
// one index: run both orders). The suggest index is rebuilt at most once a minute after a change
// (lib/suggest/service.ts): the file is written `--rebuild-wait` seconds after the suggestions
// were served, so that its first suggestion rebuilds it. `--cpu-prof DIR`: the server
// process writes its CPU profile there when it stops (`cpu-turns.ts` lists its longest turns).
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { startApp, stopApp, waitAllReady } from "../app-server";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    work: { type: "string", default: "/tmp/suggest-stall" },
    port: { type: "string", default: "4120" },
    app: { type: "string", default: "." },
    runs: { type: "string", default: "1" },
    suggests: { type: "string", default: "24" },
    searches: { type: "string", default: "24" },
    probe: { type: "string", default: "th" },
    "rebuild-wait": { type: "string", default: "62" },
    timeout: { type: "string", default: "300" },
    "cpu-prof": { type: "string" },
  },
});

/** What a reader types (prefixes of names, places and words, with and without marks) and searches. */
const PREFIXES = [
  "t",
  "ng",
  "hà n",
  "ho",
  "donald",
  "vla",
  "nguy",
  "thu t",
  "viet",
  "bóng",
  "hoa b",
  "ch",
  "put",
  "tp",
  "gia v",
  "trump",
  "kh",
  "obama",
  "sài g",
  "tr",
  "hồ c",
  "đà n",
  "quốc h",
  "mỹ",
];
const QUERIES = [
  "hòa bình",
  "giá vàng",
  "Donald Trump",
  "bóng đá",
  "Hà Nội",
  "tai nạn giao thông",
  "thời tiết",
  "Putin",
  "xe máy",
  "học sinh",
  "công an",
  "bão",
  "Triều Tiên",
  "giá xăng",
  "Obama",
  "sân bay",
  "World Cup",
  "lãi suất",
  "chứng khoán",
  "tết",
  "Sài Gòn",
  "cháy",
  "Biển Đông",
  "bệnh viện",
];
/** The new file's made-up phrase, in three titles: a frequent phrase (lib/suggest/phrases.ts) once the suggest index is rebuilt. */
const NEW_WORDS = ["Zubrakia", "Kelvot"];
const NEW_PROBE = "zubrakia k";

interface Answer {
  url: string;
  ms: number;
  status: number;
  body: string;
}

function get(base: string, url: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A fresh connection per request, as readers' browsers are.
    http
      .get(base + url, { agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ url, ms: performance.now() - started, status: res.statusCode ?? 0, body }));
      })
      .on("error", (e) => resolve({ url, ms: performance.now() - started, status: 0, body: String(e) }));
  });
}

/** The server process's main thread's time on a CPU so far (ms). */
const mainThreadMs = (pid: number) => Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
const load = () => os.loadavg()[0].toFixed(1);
const suggestUrl = (q: string) => `/api/suggest?q=${encodeURIComponent(q)}`;
const searchUrl = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;
const texts = (a: Answer) => {
  try {
    return (JSON.parse(a.body) as { suggestions: { text: string }[] }).suggestions.map((s) => s.text);
  } catch {
    return [];
  }
};

/**
 * One phase: every request at once, then a suggestion and a search at a time until `served`
 * says an answer to `probe` is the one awaited (or `--timeout`).
 */
async function phase(name: string, base: string, pid: number, probe: string, served: (suggestions: string[]) => boolean) {
  await get(base, "/api/health?reset=1");
  const loadBefore = load();
  const startCpu = mainThreadMs(pid);
  const started = performance.now();
  let lastCpu = startCpu;
  let mostCpu = 0;
  const answers: Answer[] = [];
  const answered = (a: Answer) => {
    const cpu = mainThreadMs(pid);
    mostCpu = Math.max(mostCpu, cpu - lastCpu);
    lastCpu = cpu;
    answers.push(a);
    return a;
  };
  const ask = (url: string) => get(base, url).then(answered);
  const burst = [...PREFIXES.slice(0, Number(values.suggests)).map(suggestUrl), ...QUERIES.slice(0, Number(values.searches)).map(searchUrl)];
  // The probe first, as the first keystroke after the start or the change.
  const first = await Promise.all([ask(suggestUrl(probe)), ...burst.map(ask)]);
  let servedAt: { ms: number; cpu: number } | null = served(texts(first[0])) ? { ms: performance.now() - started, cpu: mainThreadMs(pid) - startCpu } : null;
  const deadline = started + Number(values.timeout) * 1000;
  let emptyOrOld = servedAt ? 0 : 1;
  for (let i = 0; !servedAt && performance.now() < deadline; i++) {
    const [s] = await Promise.all([ask(suggestUrl(i % 2 ? PREFIXES[i % PREFIXES.length] : probe)), ask(searchUrl(QUERIES[i % QUERIES.length]))]);
    if (s.url !== suggestUrl(probe)) continue;
    if (served(texts(s))) servedAt = { ms: performance.now() - started, cpu: mainThreadMs(pid) - startCpu };
    else emptyOrOld++;
  }
  const health = JSON.parse((await get(base, "/api/health")).body) as { loop: { eventLoopDelayMs: { max?: number } } };
  const slowest = (kind: string) => answers.filter((a) => a.url.startsWith(kind)).reduce((a, b) => (b.ms > a.ms ? b : a), { url: "none", ms: 0 } as Answer);
  const statuses = new Map<number, number>();
  for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(0);
  const [search, suggest] = [slowest("/api/search"), slowest("/api/suggest")];
  console.log(
    `${name}: ${answers.length} requests (${[...statuses].map(([s, n]) => `${n}×${s}`).join(", ")}), the first ${first.length} at once; ` +
      `slowest search ${search.ms.toFixed(0)} ms (${decodeURIComponent(search.url)}), suggestion ${suggest.ms.toFixed(0)} ms (${decodeURIComponent(suggest.url)}), p50 ${pct(0.5)} ms, p90 ${pct(0.9)} ms; ` +
      `suggestions served after ${servedAt ? `${(servedAt.ms / 1000).toFixed(2)} s (${(servedAt.cpu / 1000).toFixed(2)} s of the main thread's CPU)` : "never (timeout)"}, ` +
      `the probe answered without them ${emptyOrOld} times; the main thread's most CPU between two answers ${mostCpu.toFixed(0)} ms; ` +
      `event loop delay max ${health.loop.eventLoopDelayMs.max ?? 0} ms (wall); load ${loadBefore} → ${load()}`,
  );
}

/** A fresh copy of the index, its meta.json pointed at a hard-linked copy of the corpus. */
function workCopy(run: number): { corpus: string; index: string } {
  const dir = path.resolve(values.work!, `run-${run}`);
  rmSync(dir, { recursive: true, force: true });
  const corpus = path.join(dir, "corpus");
  const index = path.join(dir, "index");
  mkdirSync(corpus, { recursive: true });
  mkdirSync(index);
  for (const f of readdirSync(path.resolve(values.corpus!))) {
    const from = path.resolve(values.corpus!, f);
    try {
      linkSync(from, path.join(corpus, f));
    } catch {
      copyFileSync(from, path.join(corpus, f));
    }
  }
  for (const f of readdirSync(path.resolve(values.index!))) if (f !== "meta.json") copyFileSync(path.resolve(values.index!, f), path.join(index, f));
  const meta = JSON.parse(readFileSync(path.resolve(values.index!, "meta.json"), "utf8")) as { corpusDir: string };
  writeFileSync(path.join(index, "meta.json"), JSON.stringify({ ...meta, corpusDir: corpus }));
  return { corpus, index };
}

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of --corpus");
  const base = `http://127.0.0.1:${values.port}`;
  console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, app ${path.resolve(values.app!)}, load ${load()}`);
  for (let run = 1; run <= Number(values.runs); run++) {
    const { corpus, index } = workCopy(run);
    const env: Record<string, string> = { CORPUS_DIR: corpus, INDEX_DIR: index, LOG_LEVEL: "error", WATCH_MS: "300" };
    if (values["cpu-prof"]) env.TIMTIN_CPU_PROF_DIR = path.resolve(values["cpu-prof"]);
    const server = startApp(Number(values.port), 1, env, undefined, values.app);
    try {
      const ready = (await waitAllReady(base, 1, server)) as { articles: number; worker?: { pid: number } };
      const pid = ready.worker!.pid;
      console.log(`run ${run}: ready, ${ready.articles} articles, server process ${pid}`);
      await phase(`run ${run}, after the start`, base, pid, values.probe!, (s) => s.length > 0);

      // A new file once the suggest index may be rebuilt; its phrase is suggested once it is.
      await new Promise((r) => setTimeout(r, Number(values["rebuild-wait"]) * 1000));
      const file = path.join(corpus, "zz-suggest-stall.jsonl");
      const [a, b] = NEW_WORDS;
      const lines = ["thắng lớn", "và mùa mới", "nói gì?"].map((tail, i) =>
        JSON.stringify({ id: `suggest-stall-${i}`, title: `${a} ${b} ${tail}`, body: `Tin mới về ${a} ${b} ${tail}.`, date: "2025-12-31" }),
      );
      writeFileSync(file, lines.join("\n") + "\n");
      const written = performance.now();
      while ((JSON.parse((await get(base, searchUrl(a.toLowerCase()))).body) as { totalArticles?: number; total: number }).total === 0) {
        await new Promise((r) => setTimeout(r, 100));
      }
      console.log(`run ${run}: the new file searchable after ${((performance.now() - written) / 1000).toFixed(2)} s`);
      await phase(`run ${run}, after a new file`, base, pid, NEW_PROBE, (s) => s.some((t) => t.toLowerCase().includes(`${a} ${b}`.toLowerCase())));
    } finally {
      await stopApp(server);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
