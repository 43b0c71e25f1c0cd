// Whether two running servers give the same API answers (a change that must leave the JSON
// byte-identical): the eval latency queries (as query-profile.ts picks them, from a saved index
// of the corpus) asked of both, as `/api/search?q=…` (grouped), with `&group=0` and with
// `&page=2`; each answer compared as JSON text without its `tookMs`. Start the two builds first
// (e.g. `WEB_CONCURRENCY=1 SEARCH_CACHE_MB=0 node scripts/start.mjs -p PORT` in each checkout,
// each on its own copy of the index):
//   npx tsx scripts/scale/api-compare.ts --index DIR --a http://127.0.0.1:PORT_A --b http://127.0.0.1:PORT_B [--every 4]
// Exits with 1 when some answer differs (the first few are printed).
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { latencyQueries, liveArticles } from "../eval/queries";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    archive: { type: "string", default: "../shared/corpus" },
    a: { type: "string" },
    b: { type: "string" },
    every: { type: "string", default: "4" },
  },
});

/** The answer's JSON text without the one field that differs between two asks. */
function withoutTiming(text: string): string {
  const answer = JSON.parse(text) as { tookMs?: number };
  delete answer.tookMs;
  return JSON.stringify(answer);
}

async function main() {
  if (!values.index || !values.a || !values.b) throw new Error("--index DIR --a URL --b URL");
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index), reader: true, waitForWriter: false });
  const queries = latencyQueries(liveArticles(live.archive), Math.max(1, Number(values.every)));
  let same = 0;
  const differ: string[] = [];
  for (const q of queries) {
    for (const extra of ["", "&group=0", "&page=2"]) {
      const url = `/api/search?q=${encodeURIComponent(q)}${extra}`;
      const [a, b] = await Promise.all([values.a, values.b].map((base) => fetch(`${base}${url}`).then((r) => r.text())));
      if (withoutTiming(a) === withoutTiming(b)) same++;
      else differ.push(url);
    }
  }
  console.log(`${queries.length} queries × 3 requests: ${same} answers the same, ${differ.length} different`);
  for (const url of differ.slice(0, 5)) console.log(`  differs: ${decodeURIComponent(url)}`);
  process.exitCode = differ.length ? 1 : 0;
}

main();
