// Suggestions as you type, in process: how long building the suggest index takes and how
// long one suggestion takes, for every keystroke of names, outlets and phrases typed with
// and without marks. Prints the median of several runs of p50 / p95.
//   npx tsx scripts/suggest-bench.ts [--corpus ../shared/corpus] [--runs 5]
import os from "node:os";
import path from "node:path";
import { cliArgs } from "./cli";
import { loadCorpus } from "@/lib/corpus/load";
import { SearchEngine } from "@/lib/search/engine";
import { SuggestIndex, suggestSource } from "@/lib/suggest/suggest-index";
import { fold } from "@/lib/text/analyzer";

const { values } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    runs: { type: "string", default: "5" },
  },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main() {
  const corpus = await loadCorpus(path.resolve(values.corpus!));
  const engine = new SearchEngine(corpus.articles);
  const source = suggestSource(engine.entries());

  let started = performance.now();
  const index = new SuggestIndex(source);
  const buildMs = performance.now() - started;

  // What people type: the most named people and outlets and a spread of words, keystroke by
  // keystroke, as written and without marks.
  const top = <T extends { count: number }>(xs: readonly T[], n: number) => [...xs].sort((a, b) => b.count - a.count).slice(0, n);
  const targets = [
    ...top(source.persons, 100).map((p) => p.name),
    ...top(source.outlets, 30).map((o) => o.name),
    ...source.titles.filter((_, i) => i % 500 === 0).map((t) => t.split(" ").slice(0, 3).join(" ")),
  ];
  const typed: string[] = [];
  for (const text of targets) {
    for (const form of [text, fold(text)]) for (let n = 1; n <= form.length; n++) typed.push(form.slice(0, n));
  }

  const p50s: number[] = [];
  const p95s: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    for (const q of typed) {
      started = performance.now();
      index.suggest(q);
      times.push(performance.now() - started);
    }
    p50s.push(pct(times, 0.5));
    p95s.push(pct(times, 0.95));
  }

  console.log(
    JSON.stringify(
      {
        machine: `${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}`,
        articles: engine.size,
        suggestEntries: index.size,
        buildMs: Math.round(buildMs),
        keystrokes: typed.length,
        runs,
        p50Ms: Number(median(p50s).toFixed(3)),
        p95Ms: Number(median(p95s).toFixed(3)),
        sample: Object.fromEntries(["vla", "nguyen phu", "hoa b", "ha n", "bong d"].map((q) => [q, index.suggest(q).map((s) => s.text)])),
      },
      null,
      2,
    ),
  );
}

void main();
