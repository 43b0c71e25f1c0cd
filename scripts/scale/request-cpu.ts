// Server CPU time per request, by kind of request, on the built app (one server process):
// a figure a busy machine moves much less than wall time, since other jobs' CPU is not ours.
// After `npm run build`:
//   npx tsx scripts/scale/request-cpu.ts --index DIR [--corpus ../shared/corpus] [--port 3203] [--rounds 20] [--runs 3]
// Each kind's URLs are asked twice untimed (the second time answered from the result cache),
// then --rounds times each; the server process's user+system CPU (from /proc) over those
// requests, divided by their number, is the kind's CPU per request (median of --runs runs,
// kinds interleaved); the wall time's median is printed beside it. Kinds: the API, the
// results page with 10 hits and with 1, a bad link's page (layout and search box, no results
// component), a missing page (Next.js's floor with the layout).
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";
import { healthOfEach, startApp, stopApp, waitAllReady } from "../app-server";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3203" },
    rounds: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
  },
});

const QUERIES = ["giá vàng", "hòa bình", "Putin", "bóng đá", "thời tiết", "chứng khoán", "Hà Nội", "tai nạn giao thông", "Donald Trump", "học sinh"];
const KINDS: [string, (q: string) => string][] = [
  ["GET /api/search?q=…", (q) => `/api/search?q=${encodeURIComponent(q)}`],
  ["GET /?q=… (10 hits)", (q) => `/?q=${encodeURIComponent(q)}`],
  ["GET /?q=…&size=1 (1 hit)", (q) => `/?q=${encodeURIComponent(q)}&size=1`],
  ["GET /?q=…&from=bad (400 page: layout, search box)", (q) => `/?q=${encodeURIComponent(q)}&from=2017-02-30`],
  ["GET /missing/… (404 page)", (q) => `/khong-co/${encodeURIComponent(q)}`],
];

/** A process's user + system CPU time so far, in ms (from /proc/PID/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const port = Number(values.port);
  const base = `http://127.0.0.1:${port}`;
  const server = startApp(port, 1, { CORPUS_DIR: path.resolve(values.corpus!), INDEX_DIR: path.resolve(values.index), LOG_LEVEL: "error", WATCH_MS: "0" });
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ");
  console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}; load average at start: ${load()}`);
  try {
    await waitAllReady(base, 1, server);
    const [h] = await healthOfEach(base, 1);
    const pid = (h as { worker: { pid: number } }).worker.pid;
    const ask = async (url: string) => (await fetch(base + url)).arrayBuffer();
    for (const [, url] of KINDS) for (let i = 0; i < 2; i++) for (const q of QUERIES) await ask(url(q));
    const cpu = new Map<string, number[]>();
    const wall = new Map<string, number[]>();
    const bytes = new Map<string, number>();
    for (let run = 0; run < Number(values.runs); run++) {
      for (const [kind, url] of KINDS) {
        const times: number[] = [];
        const before = cpuMs(pid);
        for (let r = 0; r < Number(values.rounds); r++) {
          for (const q of QUERIES) {
            const t = performance.now();
            const body = await ask(url(q));
            times.push(performance.now() - t);
            if (q === QUERIES[0]) bytes.set(kind, body.byteLength);
          }
        }
        const n = times.length;
        cpu.set(kind, [...(cpu.get(kind) ?? []), (cpuMs(pid) - before) / n]);
        wall.set(kind, [...(wall.get(kind) ?? []), median(times)]);
      }
    }
    console.log(`${QUERIES.length} queries × ${values.rounds} rounds × ${values.runs} runs, each answered from the result cache; median of the runs`);
    console.log("| request | server CPU per request | wall p50 | bytes (first query) |");
    console.log("|---|---|---|---|");
    for (const [kind] of KINDS)
      console.log(`| ${kind} | ${median(cpu.get(kind)!).toFixed(2)} ms | ${median(wall.get(kind)!).toFixed(1)} ms | ${bytes.get(kind)} |`);
    console.log(`load average at end: ${load()}`);
  } finally {
    await stopApp(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
