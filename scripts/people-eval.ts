// Precision and recall of the person rules on hand-labelled articles of the 35k corpus.
//   npx tsx scripts/people-eval.ts [CORPUS_FILE_OR_DIR] [--print-sample] [--verbose]
// Labels: data/eval/people-labels.json (people read by hand in each sampled article).
import path from "node:path";
import labels from "@/data/eval/people-labels.json";
import { readRawArticles } from "@/lib/corpus/load";
import { nameKey } from "@/lib/corpus/people";
import { prepareArticle } from "@/lib/corpus/prepare";
import type { RawArticle } from "@/lib/corpus/types";

const DEFAULT_CORPUS = path.resolve(__dirname, "../../shared/corpus");
const SAMPLE_SEED = 20261123;
const SAMPLE_SIZE = 30;

/** Small deterministic PRNG, so the sample is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleIds(ids: string[]): string[] {
  const sorted = [...ids].sort();
  const rnd = mulberry32(SAMPLE_SEED);
  const picked = new Set<string>();
  while (picked.size < Math.min(SAMPLE_SIZE, sorted.length)) picked.add(sorted[Math.floor(rnd() * sorted.length)]);
  return [...picked];
}

const key = (name: string) => nameKey(name.split(/\s+/));

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--")) ?? DEFAULT_CORPUS;
  const { raws } = await readRawArticles(dir);
  const byId = new Map<string, RawArticle>(raws.map((r) => [r.id, r]));
  if (args.includes("--print-sample")) {
    for (const id of sampleIds(raws.map((r) => r.id))) {
      const r = byId.get(id);
      console.log(`\n##### ${id} | ${r?.title}\n${r?.body}`);
    }
    return;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { id, people } of labels.articles) {
    const raw = byId.get(id);
    if (!raw) {
      console.error(`missing article ${id}`);
      process.exitCode = 1;
      continue;
    }
    const gold = new Set(people.map(key));
    const found = new Set(prepareArticle(raw).persons.map((p) => key(p.name)));
    const wrong = [...found].filter((k) => !gold.has(k));
    const missed = [...gold].filter((k) => !found.has(k));
    tp += found.size - wrong.length;
    fp += wrong.length;
    fn += missed.length;
    if (args.includes("--verbose") && (wrong.length || missed.length)) {
      console.log(`${id}: wrong [${wrong.join(", ")}] missed [${missed.join(", ")}]`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(`articles ${labels.articles.length}  labelled people ${tp + fn}  found ${tp + fp}`);
  console.log(`true positives ${tp}  false positives ${fp}  missed ${fn}`);
  console.log(`precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}`);
}

void main();
