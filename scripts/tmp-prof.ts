import path from "node:path";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { wordsQuery } from "@/lib/url/search-params";
import { latencyQueries, liveArticles } from "./eval/queries";
async function main() {
  const live = await LiveIndex.open({ corpusDir: path.resolve("/work/shared/corpus"), indexDir: "/tmp/s17/i35-end", reader: true, waitForWriter: false });
  const queries = latencyQueries(liveArticles(live.archive), 8).slice(0, 60);
  const engine = new SearchEngine(live.archive);
  engine.prepare();
  const asked = queries.map((q) => ({ ...wordsQuery(q), group: true }));
  for (const q of asked) engine.search(q);
  const t = process.cpuUsage();
  for (let r = 0; r < 15; r++) for (const q of asked) engine.search(q);
  console.log((process.cpuUsage(t).user / 1000 / 15 / asked.length).toFixed(2), "ms per kept search");
}
main();
