// Measures publication-date estimates on a corpus (docs/dates.md):
//   npm run dates-eval -- [DIR] [--from 2017-02-01] [--to 2017-08-31] [--sample data/eval/dates-sample.json] [--write-sample]
// - how many articles are dated (metadata / estimated), and how many estimates lie inside the
//   span the archive's ids give (--from/--to; the 35k corpus's ids span February–August 2017);
// - the hand-checked sample: 50 estimated dates chosen by a hash of their ids. --write-sample writes
//   them (evidence and lead) for checking by hand; without it, a sample already judged by hand
//   (each entry's `verdict`: "right" | "wrong") is scored: the share with the right day.
// Loading the 35k corpus takes about a minute of CPU: run it rarely.
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { leadOf } from "@/lib/corpus/dates";
import { buildCorpus, readRawArticles } from "@/lib/corpus/load";

interface SampleEntry {
  id: string;
  date: string;
  title: string;
  lead: string;
  verdict?: "right" | "wrong";
  note?: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: "string", default: "2017-02-01" },
    to: { type: "string", default: "2017-08-31" },
    sample: { type: "string", default: "data/eval/dates-sample.json" },
    "write-sample": { type: "boolean", default: false },
    size: { type: "string", default: "50" },
  },
});
const dir = positionals[0] ?? "/work/shared/corpus";

async function main() {
  const started = performance.now();
  const corpus = buildCorpus(await readRawArticles(dir));
  const ms = Math.round(performance.now() - started);
  const articles = corpus.articles;
  const estimated = articles.filter((a) => a.date && a.dateEstimated);
  const metadata = articles.filter((a) => a.date && !a.dateEstimated);
  const inside = estimated.filter((a) => a.date! >= values.from && a.date! <= values.to);
  const byYear = new Map<string, number>();
  for (const a of estimated) byYear.set(a.date!.slice(0, 4), (byYear.get(a.date!.slice(0, 4)) ?? 0) + 1);
  console.log(`corpus ${dir}: ${articles.length} articles, loaded and cleaned in ${ms} ms`);
  console.log(`dated: ${metadata.length + estimated.length} (metadata ${metadata.length}, estimated ${estimated.length}); undated ${articles.length - metadata.length - estimated.length}`);
  console.log(`estimates inside ${values.from}..${values.to}: ${inside.length}/${estimated.length} = ${ratio(inside.length, estimated.length)}`);
  console.log(`estimates by year: ${[...byYear].sort().map(([y, n]) => `${y}: ${n}`).join(", ")}`);
  const newest = estimated.reduce<string | null>((m, a) => (m && m > a.date! ? m : a.date!), null);
  console.log(`newest estimated date: ${newest}`);

  const size = Number(values.size);
  if (values["write-sample"]) {
    const pick = stableSample(estimated, size, 12);
    const sample: SampleEntry[] = pick.map((a) => ({ id: a.id, date: a.date!, title: a.title, lead: leadOf(a.paragraphs).slice(0, 700) }));
    await writeFile(values.sample, `${JSON.stringify(sample, null, 2)}\n`);
    console.log(`wrote ${sample.length} estimates to ${values.sample}: judge each (verdict right|wrong, note), then run without --write-sample`);
    return;
  }
  let sample: SampleEntry[];
  try {
    sample = JSON.parse(await readFile(values.sample, "utf8")) as SampleEntry[];
  } catch {
    console.log(`no judged sample at ${values.sample} (run with --write-sample first)`);
    return;
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const judged = sample.filter((s) => s.verdict);
  const right = judged.filter((s) => s.verdict === "right" && byId.get(s.id)?.date === s.date);
  const changed = judged.filter((s) => byId.get(s.id)?.date !== s.date);
  console.log(`hand-checked sample: ${right.length}/${judged.length} right day = ${ratio(right.length, judged.length)}` + (changed.length ? `; ${changed.length} estimates changed since judged (counted wrong): ${changed.map((s) => s.id).join(", ")}` : ""));
}

function ratio(a: number, b: number): string {
  return b ? (a / b).toFixed(3) : "n/a";
}

/**
 * `n` items chosen by a hash of their id (FNV-1a, salted): the same article stays in the
 * sample when other estimates change, so judgements made by hand stay valid.
 */
function stableSample<T extends { id: string }>(items: readonly T[], n: number, salt: number): T[] {
  const hash = (id: string) => {
    let h = 0x811c9dc5 ^ salt;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  return [...items].sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1)).slice(0, n);
}

void main();
