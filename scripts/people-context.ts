// In the hand-labelled articles, how often a name candidate in each context is a labelled person:
// the word or two before it, the word after it, its first and last word. A context whose names
// are almost never people ("ở Hà Thành", "xứ Wales") is evidence for a rule; read on the older
// files, check on the newer ones.
//   npx tsx scripts/people-context.ts --labels A.json,B.json --cache FILE [--min N] [--only b1=ở,a=tộc]
//     --labels the label files (default: every data/eval/people-labels*.json not frozen)
//     --cache  the corpus's name candidates, as people-eval.ts --cache writes them
//     --min    leave out contexts seen fewer times (default 3)
//     --only   print only these contexts
// Prints one line per context, commonest non-people first: context, people, others, share of people, examples.
import { existsSync, readFileSync } from "node:fs";
import { cliArgs } from "./cli";
import { archiveCandidates, labelFiles } from "./people-eval";
import { type ContextCount, contextCounts } from "@/lib/corpus/people-eval";

function main() {
  const { values: opts } = cliArgs(__filename, {
    options: {
      labels: { type: "string" },
      cache: { type: "string" },
      min: { type: "string", default: "3" },
      only: { type: "string" },
    },
  });
  if (!opts.cache || !existsSync(opts.cache)) throw new Error("--cache FILE is needed (people-eval.ts --cache writes it)");
  const files = opts.labels
    ? opts.labels.split(",")
    : labelFiles()
        .filter((f) => !f.frozen)
        .map((f) => f.file);
  const candidates = archiveCandidates([], opts.cache);
  const out = new Map<string, ContextCount>();
  for (const file of files) {
    const labels = JSON.parse(readFileSync(file, "utf8")) as { articles: { id: string; people: string[] }[] };
    for (const { id, people } of labels.articles) contextCounts(people, candidates.get(id) ?? [], out);
  }
  const only = opts.only ? new Set(opts.only.split(",")) : undefined;
  const min = Number(opts.min);
  for (const [k, c] of [...out].sort((a, b) => b[1].other - a[1].other || a[0].localeCompare(b[0]))) {
    if (only ? !only.has(k) : c.person + c.other < min) continue;
    console.log(`${k}\t${c.person}\t${c.other}\t${(c.person / (c.person + c.other)).toFixed(2)}\t${c.examples.join("; ")}`);
  }
}

main();
