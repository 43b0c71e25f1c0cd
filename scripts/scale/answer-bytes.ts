// What the search API's answer weighs, by part, and what writing it costs (issue #10, http18):
//   npx tsx scripts/scale/answer-bytes.ts --index DIR [--archive DIR] [--every 8] [--runs 5]
// For each of the load test's queries (`npm run eval`'s latency queries, every `--every`-th, as
// `bench.ts --parts load` sends them, grouped by story), the answer as the API computes it
// (`searchJson`, FACET_LIMIT values per facet): its JSON's bytes, those of its hits and of its
// facets (each facet's values), and gzipped at the server's level (Z_BEST_SPEED). Then the CPU of
// writing it, per answer, median of `--runs` runs: JSON.stringify of the whole answer, of the
// answer with its facets cut to the six values the results page shows (what FACET_LIMIT costs in
// the writing; the contract keeps 100), Buffer.from (UTF-8) and gzip of the whole answer's text.
// Nothing is written: the index is opened as a reader.
import path from "node:path";
import { constants, gzipSync } from "node:zlib";
import { cliArgs } from "../cli";
import type { SearchResponse } from "@/lib/api/contract";
import { wordsQuery } from "@/lib/url/search-params";
import { loadAverage, median } from "../eval/metrics";
import { EVAL_OPTIONS, evalEngine, processCpuNow } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    ...EVAL_OPTIONS,
  },
});

/** Values of each facet the results page renders (components/facets: the rest behind "more"). */
const SHOWN = 6;
const GZIP = { level: constants.Z_BEST_SPEED };

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const { live, queries, engine } = await evalEngine(path.resolve(values.archive!), path.resolve(values.index), Number(values.every));
  const answers = queries.map((q) => JSON.parse(engine.searchJson({ ...wordsQuery(q), group: true }).json) as SearchResponse);
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
  const mean = (f: (a: SearchResponse) => number) => answers.reduce((s, a) => s + f(a), 0) / answers.length;
  const facetNames = Object.keys(answers[0].facets) as (keyof SearchResponse["facets"])[];
  console.log(`${live.archive.live} articles, ${answers.length} answers; load ${loadAverage()}`);
  console.log("\n| part of an answer | bytes of JSON (mean) |\n|---|---|");
  console.log(`| whole answer | ${mean(bytes).toFixed(0)} |`);
  console.log(`| whole answer, gzipped (level 1) | ${mean((a) => gzipSync(JSON.stringify(a), GZIP).length).toFixed(0)} |`);
  console.log(`| hits | ${mean((a) => bytes(a.hits)).toFixed(0)} |`);
  for (const f of facetNames) {
    const count = mean((a) => (Array.isArray(a.facets[f]) ? (a.facets[f] as unknown[]).length : 0));
    console.log(`| facets.${f} (${count.toFixed(1)} values) | ${mean((a) => bytes(a.facets[f])).toFixed(0)} |`);
  }
  const cut = answers.map((a) => ({
    ...a,
    facets: Object.fromEntries(
      Object.entries(a.facets).map(([k, v]) => [k, Array.isArray(v) && (k === "persons" || k === "outlets" || k === "sources") ? v.slice(0, SHOWN) : v]),
    ),
  }));
  console.log(
    `| whole answer, facets cut to ${SHOWN} values (persons, outlets, sources) | ${(cut.reduce((s, a) => s + bytes(a), 0) / cut.length).toFixed(0)} |`,
  );
  const texts = answers.map((a) => JSON.stringify(a));
  const ways: Record<string, () => number> = {
    "JSON.stringify": () => answers.reduce((s, a) => s + JSON.stringify(a).length, 0),
    [`JSON.stringify, facets cut to ${SHOWN}`]: () => cut.reduce((s, a) => s + JSON.stringify(a).length, 0),
    "Buffer.from (UTF-8)": () => texts.reduce((s, t) => s + Buffer.from(t, "utf8").length, 0),
    "gzip (level 1)": () => texts.reduce((s, t) => s + gzipSync(Buffer.from(t, "utf8"), GZIP).length, 0),
  };
  const names = Object.keys(ways);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < Number(values.runs); run++) {
    for (const n of run % 2 ? [...names].reverse() : names) {
      const t = processCpuNow();
      ways[n]();
      times[n].push(((processCpuNow() - t) * 1000) / answers.length);
    }
  }
  console.log(`\n| writing an answer | CPU µs per answer (median of ${values.runs}) | runs |\n|---|---|---|`);
  for (const n of names) console.log(`| ${n} | ${median(times[n]).toFixed(1)} | ${times[n].map((t) => t.toFixed(1)).join(", ")} |`);
  console.log(`load ${loadAverage()}`);
  await live.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
