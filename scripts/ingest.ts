// Shows what cleaning did to each article of a corpus, so a user adding their own corpus
// can trust it: title, date, outlet, cited sources, people, paragraphs kept and dropped.
//   npm run ingest -- DIR [--limit N] [--summary] [--dropped] [--sample N]
// --sample N prints N random dropped and N random trimmed pieces (fixed seed), for checking by eye.
import path from "node:path";
import { cliArgs } from "./cli";
import { readRawArticles } from "@/lib/corpus/load";
import { prepareArticleWithDetail } from "@/lib/corpus/prepare";
import type { Article, Skipped } from "@/lib/corpus/types";
import { mulberry32 } from "./eval/queries";

interface Options {
  dir: string;
  limit: number;
  summary: boolean;
  showDropped: boolean;
  sample: number;
}

function readOptions(argv: string[]): Options {
  const { values, positionals } = cliArgs(__filename, {
    args: argv,
    allowPositionals: true,
    options: {
      summary: { type: "boolean", default: false },
      dropped: { type: "boolean", default: false },
      limit: { type: "string" },
      sample: { type: "string", default: "0" },
    },
  });
  const opts: Options = {
    dir: positionals.at(-1) ?? "seeds",
    limit: values.limit === undefined ? Infinity : Number(values.limit),
    summary: values.summary,
    showDropped: values.dropped,
    sample: Number(values.sample),
  };
  if (Number.isNaN(opts.limit) || Number.isNaN(opts.sample)) throw new Error("--limit and --sample need a number");
  return opts;
}

const short = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function printArticle(a: Article, dateEvidence: string | null, dropped: { text: string; reason: string }[], trimmed: string[], showDropped: boolean) {
  const p = a.provenance;
  console.log(`\n${a.file}${a.file.endsWith(".txt") ? "" : ` (id ${a.id})`}`);
  console.log(`  title    ${a.title}${a.titleDerived ? "  [derived from the lead]" : `  [${p.title}]`}`);
  const how = p.date === "metadata" ? "metadata" : p.date === "text" ? `estimated from the text: "${dateEvidence}"` : "nothing to go on";
  console.log(`  date     ${a.date ?? "unknown"}  [${how}]`);
  console.log(`  outlet   ${a.outlet ? `${a.outlet.name} (${a.outlet.id})` : "unknown"}  [${p.outlet}]`);
  console.log(`  sources  ${a.sources.map((s) => s.name).join(", ") || "none"}`);
  console.log(`  people   ${a.persons.map((s) => s.name).join(", ") || "none"}`);
  const reasons = new Map<string, number>();
  for (const d of dropped) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
  const why = [...reasons].map(([r, n]) => `${n} ${r}`).join(", ");
  console.log(
    `  text     ${p.paragraphsKept} paragraphs kept, ${p.paragraphsDropped} dropped${why ? ` (${why})` : ""}${trimmed.length ? `, ${trimmed.length} trimmed` : ""}`,
  );
  if (showDropped) {
    for (const d of dropped) console.log(`    - ${d.reason}: ${short(d.text)}`);
    for (const t of trimmed) console.log(`    ~ trimmed: ${short(t)}`);
  }
}

async function main() {
  const opts = readOptions(process.argv.slice(2));
  const dir = path.resolve(opts.dir);
  const { raws, skipped } = await readRawArticles(dir);
  const problems: Skipped[] = [...skipped];
  const seen = new Set<string>();
  const totals = {
    articles: 0,
    kept: 0,
    dropped: 0,
    trimmed: 0,
    derivedTitles: 0,
    datesMeta: 0,
    datesText: 0,
    noDate: 0,
    outlets: 0,
    withSources: 0,
    withPeople: 0,
  };
  const reasonTotals = new Map<string, number>();
  const droppedPieces: string[] = [];
  const trimmedPieces: string[] = [];
  const started = performance.now();
  let prepMs = 0;
  let shown = 0;
  for (const raw of raws) {
    const where = raw.format === "txt" ? raw.file : `${raw.file} (id ${raw.id})`;
    if (seen.has(raw.id)) {
      problems.push({ source: where, reason: `duplicate id "${raw.id}": the first article with this id is kept` });
      continue;
    }
    let result;
    const t0 = performance.now();
    try {
      result = prepareArticleWithDetail(raw);
    } catch (error) {
      problems.push({ source: where, reason: `could not be cleaned: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    } finally {
      prepMs += performance.now() - t0;
    }
    const { article: a, detail } = result;
    if (a.paragraphs.length === 0) {
      problems.push({ source: where, reason: "empty article: no text left after cleaning" });
      continue;
    }
    seen.add(raw.id);
    totals.articles++;
    totals.kept += a.provenance.paragraphsKept;
    totals.dropped += a.provenance.paragraphsDropped;
    totals.trimmed += detail.trimmed.length;
    if (a.titleDerived) totals.derivedTitles++;
    if (a.provenance.date === "metadata") totals.datesMeta++;
    else if (a.provenance.date === "text") totals.datesText++;
    else totals.noDate++;
    if (a.outlet) totals.outlets++;
    if (a.sources.length) totals.withSources++;
    if (a.persons.length) totals.withPeople++;
    for (const d of detail.dropped) reasonTotals.set(d.reason, (reasonTotals.get(d.reason) ?? 0) + 1);
    if (opts.sample > 0) {
      for (const d of detail.dropped) droppedPieces.push(`${d.reason}: ${short(d.text)}  [${a.id}]`);
      for (const t of detail.trimmed) trimmedPieces.push(`${short(t)}  [${a.id}]`);
    }
    if (!opts.summary && shown < opts.limit) {
      printArticle(a, detail.dateEvidence, detail.dropped, detail.trimmed, opts.showDropped);
      shown++;
    }
  }
  if (!opts.summary && shown < totals.articles) console.log(`\n… ${totals.articles - shown} more articles not shown (--limit ${opts.limit})`);

  if (opts.sample > 0) {
    // A fixed seed, so the same corpus gives the same sample.
    const rnd = mulberry32(11);
    for (const [label, pieces] of [
      ["dropped", droppedPieces],
      ["trimmed", trimmedPieces],
    ] as const) {
      console.log(`\nRandom ${label} pieces (${Math.min(opts.sample, pieces.length)} of ${pieces.length})`);
      for (let i = 0; i < opts.sample && pieces.length > 0; i++) console.log(`  ${pieces[Math.floor(rnd() * pieces.length)]}`);
    }
  }

  console.log(`\nSkipped (${problems.length})`);
  for (const s of problems.slice(0, 50)) console.log(`  ${s.source}: ${s.reason}`);
  if (problems.length > 50) console.log(`  … and ${problems.length - 50} more`);

  const ms = performance.now() - started;
  const n = Math.max(1, totals.articles);
  const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
  console.log(`\nTotals for ${dir}`);
  console.log(`  articles   ${totals.articles} ready, ${problems.length} skipped`);
  console.log(`  paragraphs ${totals.kept} kept, ${totals.dropped} dropped, ${totals.trimmed} trimmed inside paragraphs`);
  console.log(`  dropped    ${[...reasonTotals].map(([r, c]) => `${r} ${c}`).join(", ") || "none"}`);
  console.log(`  titles     ${totals.derivedTitles} derived from the lead (${pct(totals.derivedTitles)})`);
  console.log(`  dates      ${totals.datesMeta} metadata, ${totals.datesText} estimated from text, ${totals.noDate} unknown`);
  console.log(`  outlets    ${totals.outlets} known (${pct(totals.outlets)})`);
  console.log(`  sources    ${totals.withSources} articles cite a known agency (${pct(totals.withSources)})`);
  console.log(`  people     ${totals.withPeople} articles name a person (${pct(totals.withPeople)})`);
  console.log(`  time       ${(ms / 1000).toFixed(1)} s; cleaning ${(prepMs / n).toFixed(3)} ms per article`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
