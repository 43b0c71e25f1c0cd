// Measures publication-date estimates on a corpus (docs/dates.md):
//   npm run dates-eval -- [DIR] [--from 2017-02-01] [--to 2017-08-31] [--sample data/eval/dates-sample.json] [--write-sample]
// - how many articles are dated (metadata / estimated), and how many estimates lie inside the
//   span the archive's ids give (--from/--to; the 35k corpus's ids span February–August 2017);
// - the hand-checked sample: the 50 estimated dates with the lowest hash of their ids, scored
//   against the verdicts ("right" | "wrong") judged by hand in the sample file: the share with
//   the right day. --write-sample rewrites the file for the current estimates, keeping the
//   verdicts of unchanged (id, date) pairs, so only new or changed estimates need judging.
// Loading the 35k corpus takes about a minute of CPU: run it rarely.
import { readFile, writeFile } from "node:fs/promises";
import { cliArgs } from "./cli";
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

const { values, positionals } = cliArgs(__filename, {
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
  console.log(
    `dated: ${metadata.length + estimated.length} (metadata ${metadata.length}, estimated ${estimated.length}); undated ${articles.length - metadata.length - estimated.length}`,
  );
  console.log(`estimates inside ${values.from}..${values.to}: ${inside.length}/${estimated.length} = ${ratio(inside.length, estimated.length)}`);
  console.log(
    `estimates by year: ${[...byYear]
      .sort()
      .map(([y, n]) => `${y}: ${n}`)
      .join(", ")}`,
  );
  const newest = estimated.reduce<string | null>((m, a) => (m && m > a.date! ? m : a.date!), null);
  console.log(`newest estimated date: ${newest}`);

  // The sample: the `size` current estimates with the lowest hash of their id. Judgements
  // by hand are kept in the sample file by (id, date); a changed or new estimate needs one.
  const size = Number(values.size);
  const pick = stableSample(estimated, size, 12);
  let judged: SampleEntry[] = [];
  try {
    judged = JSON.parse(await readFile(values.sample, "utf8")) as SampleEntry[];
  } catch {
    // no sample yet
  }
  const verdictOf = new Map(judged.filter((s) => s.verdict).map((s) => [`${s.id} ${s.date}`, s]));
  const sample: SampleEntry[] = pick.map((a) => {
    const old = verdictOf.get(`${a.id} ${a.date}`);
    return { id: a.id, date: a.date!, title: a.title, lead: leadOf(a.paragraphs).slice(0, 700), ...(old ? { verdict: old.verdict, note: old.note } : {}) };
  });
  const open = sample.filter((s) => !s.verdict);
  if (values["write-sample"]) {
    await writeFile(values.sample, `${JSON.stringify(sample, null, 2)}\n`);
    console.log(`wrote ${sample.length} estimates to ${values.sample}; ${open.length} need a verdict (right|wrong) by hand`);
  }
  const right = sample.filter((s) => s.verdict === "right").length;
  const done = sample.length - open.length;
  console.log(
    `hand-checked sample: ${right}/${done} right day = ${ratio(right, done)}` +
      (open.length ? `; ${open.length} not judged yet: ${open.map((s) => s.id).join(", ")}` : ""),
  );
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
