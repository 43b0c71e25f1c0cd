// Precision and recall of the person rules on hand-labelled articles of the 35k corpus.
//   npx tsx scripts/people-eval.ts [CORPUS_DIR] [--labels A.json,B.json] [--frozen] [--verbose] [--rules-only | --no-evidence | --no-tagger | --no-judge]
//     [--judge FILE]   (the judge's model, default data/people-judge.json; --no-judge: without it)
//     [--cache FILE]   (name candidates of the whole corpus, reused between runs; delete it after rule changes)
//   Without --labels: every data/eval/people-labels*.json used for tuning, one report each, then
//   their total. A file with `"frozen": true` (never used for tuning) is left out unless --frozen
//   is given; then it is reported apart, after the tuning sets, under "frozen (never tuned)".
//   npx tsx scripts/people-eval.ts [CORPUS_DIR] --print-sample [--seed N] [--size N] [--exclude A.json,B.json] [--cleaned]
//     (--cleaned prints the cleaned title and paragraphs the person rules read, not the raw body)
//   [--dump FILE]   also writes every corpus article's people ({id: names}) to FILE, and with
//   [--against OLD] compares them with OLD (another code's dump): names lost and gained over the archive
//   npx tsx scripts/people-eval.ts --layers [--recent N] --labels A.json,B.json,… --cache FILE
//     what each layer of the pipeline (rules, archive evidence, tagger, the judge's drops, its additions) gains and
//     loses per file, right or wrong, and the totals of the last N files named (default 3) apart from the others:
//     a layer written or tuned while reading the older files shows its overfit as a lower precision on the newer ones
// Labels: data/eval/people-labels*.json; each file says how it was sampled and whether it was
// used for tuning.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "./cli";
import { readRawArticles } from "@/lib/corpus/load";
import { type Candidate, candidatesToResolve, type PeopleHelpers, resolvePeople } from "@/lib/corpus/people";
import { compareNames, evalKey, type LayerChange, layerChanges } from "@/lib/corpus/people-eval";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { personAdder, personJudge, readJudgeModel } from "@/lib/corpus/people-judge";
import { readTaggerModel, taggerScorer } from "@/lib/corpus/people-tagger";
import { prepareArticleWithDetail } from "@/lib/corpus/prepare";
import type { RawArticle } from "@/lib/corpus/types";
import { mulberry32 } from "./eval/queries";

const DEFAULT_CORPUS = path.resolve(__dirname, "../../shared/corpus");
const EVAL_DIR = path.resolve(__dirname, "../data/eval");
const DEFAULT_LABELS = path.join(EVAL_DIR, "people-labels.json");

interface Labels {
  /** Never used for tuning: reported only with --frozen, apart from the tuning sets. */
  frozen?: boolean;
  articles: { id: string; people: string[] }[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Every label file of data/eval, tuning sets first (in name order), then the frozen ones. */
export function labelFiles(dir = EVAL_DIR): { file: string; frozen: boolean }[] {
  return readdirSync(dir)
    .filter((f) => /^people-labels.*\.json$/.test(f))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return { file, frozen: (JSON.parse(readFileSync(file, "utf8")) as Labels).frozen === true };
    })
    .sort((a, b) => Number(a.frozen) - Number(b.frozen));
}

/** `size` distinct ids, picked from the sorted ids with a seeded PRNG; `exclude` are skipped. */
export function sampleIds(ids: string[], seed: number, size: number, exclude = new Set<string>()): string[] {
  const sorted = [...ids].sort().filter((id) => !exclude.has(id));
  const rnd = mulberry32(seed);
  const picked = new Set<string>();
  while (picked.size < Math.min(size, sorted.length)) picked.add(sorted[Math.floor(rnd() * sorted.length)]);
  return [...picked];
}

async function main() {
  const { values: opts, positionals } = cliArgs(__filename, {
    allowPositionals: true,
    options: {
      labels: { type: "string" },
      seed: { type: "string" },
      size: { type: "string" },
      exclude: { type: "string" },
      cache: { type: "string" },
      tagger: { type: "string" },
      threshold: { type: "string" },
      verbose: { type: "boolean", default: false },
      frozen: { type: "boolean", default: false },
      "print-sample": { type: "boolean", default: false },
      cleaned: { type: "boolean", default: false },
      "rules-only": { type: "boolean", default: false },
      "no-evidence": { type: "boolean", default: false },
      "no-tagger": { type: "boolean", default: false },
      "no-judge": { type: "boolean", default: false },
      judge: { type: "string" },
      dump: { type: "string" },
      against: { type: "string" },
      layers: { type: "boolean", default: false },
      recent: { type: "string", default: "3" },
    },
  });
  const dir = positionals[0] ?? DEFAULT_CORPUS;
  const files = opts.labels ? opts.labels.split(",").map((file) => ({ file, frozen: false })) : labelFiles().filter((f) => !f.frozen || opts.frozen);
  // With a cache of the candidates, the corpus itself need not be read again.
  const cached = !opts["print-sample"] && opts.cache && existsSync(opts.cache);
  const { raws } = cached ? { raws: [] as RawArticle[] } : await readRawArticles(dir);
  const byId = new Map<string, RawArticle>(raws.map((r) => [r.id, r]));
  if (opts["print-sample"]) {
    // The tuning set is seed 20261123, size 30; the held-out set seed 4, size 15, excluding the tuning set.
    const seed = Number(opts.seed ?? 20261123);
    const size = Number(opts.size ?? 30);
    // The fresh set is seed 20261125, size 100, excluding both earlier sets (--exclude).
    const excludeFiles = opts.exclude?.split(",") ?? (seed === 20261123 ? [] : [DEFAULT_LABELS]);
    const exclude = new Set(excludeFiles.flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as Labels).articles.map((a) => a.id)));
    for (const id of sampleIds(
      raws.map((r) => r.id),
      seed,
      size,
      exclude,
    )) {
      const r = byId.get(id);
      if (opts.cleaned && r) {
        // The cleaned text does not depend on the people found in it: no person rule runs here,
        // so whoever labels the sample never sees (or triggers) what the rules make of it.
        const { article } = prepareArticleWithDetail(r, undefined, { people: false });
        console.log(`\n##### ${id} | ${article.title}\n${article.paragraphs.join("\n")}`);
      } else console.log(`\n##### ${id} | ${r?.title}\n${r?.body}`);
    }
    return;
  }
  const candidates = archiveCandidates(raws, opts.cache);
  if (opts.layers) {
    layersReport(
      files.map((f) => f.file),
      candidates,
      Number(opts.recent),
      opts.judge,
    );
    return;
  }
  let helpers: PeopleHelpers = {};
  if (!opts["rules-only"]) {
    const evidence = new PeopleEvidence(opts["no-evidence"] ? { minTitled: Infinity, minTitledSingle: Infinity, minPlaced: Infinity } : undefined);
    for (const c of candidates.values()) evidence.add(c);
    const model = readTaggerModel(opts.tagger);
    if (model && opts.threshold) model.threshold = Number(opts.threshold);
    const scorer = opts["no-tagger"] || !model ? undefined : taggerScorer(model);
    // The judge of the people found (data/people-judge.json), as the build uses it.
    const judge = scorer && !opts["no-judge"] ? readJudgeModel(opts.judge) : null;
    if (scorer && judge) {
      scorer.judge = personJudge(judge, model!.lowerShare);
      scorer.add = personAdder(judge, model!.lowerShare);
    }
    helpers = evidence.helpers(scorer);
  }
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  let tuning = 0;
  for (const { file, frozen } of files) {
    const labels = JSON.parse(readFileSync(file, "utf8")) as Labels;
    if (frozen && tuning > 1) printCounts("total of the tuning sets", total);
    if (frozen) tuning = 0;
    console.log(`## ${frozen ? "frozen (never tuned): " : ""}${path.basename(file)}`);
    const c = report(labels, candidates, helpers, opts.verbose);
    if (!frozen) {
      tuning++;
      for (const k of ["tp", "fp", "fn"] as const) total[k] += c[k];
    }
  }
  if (tuning > 1) printCounts("total of the tuning sets", total);
  if (opts.dump) dumpArchive(candidates, helpers, opts.dump, opts.against);
}

/** Every article's people, written to `file`; with `against` (an earlier dump), what changed. */
function dumpArchive(candidates: Map<string, Candidate[]>, helpers: PeopleHelpers, file: string, against: string | undefined) {
  const people: Record<string, string[]> = {};
  for (const [id, c] of candidates) people[id] = resolvePeople(candidatesToResolve(c), helpers).map((p) => p.name);
  writeFileSync(file, JSON.stringify(people));
  if (!against) return;
  const old = JSON.parse(readFileSync(against, "utf8")) as Record<string, string[]>;
  const lost = new Map<string, number>();
  const gained = new Map<string, number>();
  let articles = 0;
  for (const id of new Set([...Object.keys(old), ...Object.keys(people)])) {
    const before = new Set(old[id] ?? []);
    const after = new Set(people[id] ?? []);
    let changed = false;
    for (const [from, to, into] of [
      [before, after, lost],
      [after, before, gained],
    ] as const) {
      for (const name of from) {
        if (to.has(name)) continue;
        into.set(name, (into.get(name) ?? 0) + 1);
        changed = true;
      }
    }
    if (changed) articles++;
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 40)
      .map(([n, k]) => `${n} ${k}`)
      .join(", ");
  console.log(`## archive against ${path.basename(against)}: ${articles} articles changed, ${sum(lost)} names lost, ${sum(gained)} gained`);
  console.log(`lost: ${top(lost)}`);
  console.log(`gained: ${top(gained)}`);
}

/** The pipeline layer by layer, each stack holding the layers before it, as the build runs them. */
function layerStacks(candidates: Map<string, Candidate[]>, judgeFile?: string): { name: string; helpers: PeopleHelpers }[] {
  const evidence = new PeopleEvidence();
  for (const c of candidates.values()) evidence.add(c);
  const model = readTaggerModel();
  const judge = readJudgeModel(judgeFile);
  if (!model || !judge) throw new Error("--layers needs data/people-tagger.json and the judge's model");
  const scorer = (part: "none" | "drop" | "both") => {
    const s = taggerScorer(model);
    if (part !== "none") s.judge = personJudge(judge, model.lowerShare);
    if (part === "both") s.add = personAdder(judge, model.lowerShare);
    return s;
  };
  return [
    { name: "rules", helpers: {} },
    { name: "evidence", helpers: evidence.helpers() },
    { name: "tagger", helpers: evidence.helpers(scorer("none")) },
    { name: "judge drops", helpers: evidence.helpers(scorer("drop")) },
    { name: "judge adds", helpers: evidence.helpers(scorer("both")) },
  ];
}

/** `--layers`: per file, what each layer gains and loses; then the older files' and the last `recent` files' totals. */
function layersReport(files: string[], candidates: Map<string, Candidate[]>, recent: number, judgeFile?: string) {
  const stacks = layerStacks(candidates, judgeFile);
  const zero = (): LayerChange => ({ gainedRight: 0, gainedWrong: 0, lostRight: 0, lostWrong: 0 });
  const perFile = files.map((file) => {
    const labels = JSON.parse(readFileSync(file, "utf8")) as Labels;
    const sums = stacks.map(zero);
    let labelled = 0;
    for (const { id, people } of labels.articles) {
      const mentions = candidatesToResolve(candidates.get(id) ?? []);
      const found = stacks.map(({ helpers }) => resolvePeople(mentions, helpers).map((p) => p.name));
      labelled += new Set(people.map(evalKey)).size;
      layerChanges(people, found).forEach((c, i) => {
        for (const k of Object.keys(c) as (keyof LayerChange)[]) sums[i][k] += c[k];
      });
    }
    return { file: path.basename(file), labelled, sums };
  });
  const fmtChange = (c: LayerChange) => `+${c.gainedRight}/${c.gainedWrong} -${c.lostRight}/${c.lostWrong}`;
  const pr = (right: number, wrong: number, labelled: number) =>
    `${(right / Math.max(1, right + wrong)).toFixed(3)} / ${(right / Math.max(1, labelled)).toFixed(3)}`;
  // P / R after each layer, from the running sums of its gains and losses.
  const after = (sums: LayerChange[], labelled: number) => {
    let right = 0;
    let wrong = 0;
    return sums.map((c) => {
      right += c.gainedRight - c.lostRight;
      wrong += c.gainedWrong - c.lostWrong;
      return pr(right, wrong, labelled);
    });
  };
  console.log(`layer changes: +right/wrong gained -right/wrong lost; P / R after each layer`);
  console.log(`file | ${stacks.map((s) => s.name).join(" | ")} | ${stacks.map((s) => `P / R after ${s.name}`).join(" | ")}`);
  const line = (name: string, rows: typeof perFile) => {
    const sums = stacks.map((_, i) => {
      const t = zero();
      for (const r of rows) for (const k of Object.keys(t) as (keyof LayerChange)[]) t[k] += r.sums[i][k];
      return t;
    });
    const labelled = rows.reduce((a, r) => a + r.labelled, 0);
    console.log(`${name} | ${sums.map(fmtChange).join(" | ")} | ${after(sums, labelled).join(" | ")}`);
  };
  for (const r of perFile) line(r.file, [r]);
  const cut = Math.max(0, perFile.length - recent);
  line(`older ${cut} files`, perFile.slice(0, cut));
  line(`last ${perFile.length - cut} files`, perFile.slice(cut));
  line("all files", perFile);
}

function printCounts(heading: string, { tp, fp, fn }: Counts) {
  console.log(`## ${heading}`);
  console.log(`labelled people ${tp + fn}  found ${tp + fp}  true positives ${tp}  false positives ${fp}  missed ${fn}`);
  console.log(`precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}  recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`);
}

function report(labels: Labels, candidates: Map<string, Candidate[]>, helpers: PeopleHelpers, verbose: boolean): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { id, people } of labels.articles) {
    if (!candidates.has(id)) {
      console.error(`missing article ${id}`);
      process.exitCode = 1;
      continue;
    }
    const found = resolvePeople(candidatesToResolve(candidates.get(id) ?? []), helpers).map((p) => p.name);
    const { wrong, missed, right } = compareNames(people, found);
    tp += right;
    fp += wrong.length;
    fn += missed.length;
    if (verbose && (wrong.length || missed.length)) {
      console.log(`${id}: wrong [${wrong.join(", ")}] missed [${missed.join(", ")}]`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(`articles ${labels.articles.length}  labelled people ${tp + fn}  found ${tp + fp}`);
  console.log(`true positives ${tp}  false positives ${fp}  missed ${fn}`);
  console.log(`precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}`);
  return { tp, fp, fn };
}

/**
 * A cache of every article's candidates, as `archiveCandidates` writes it. One written before
 * candidates carried their `key` and `vn` (cost30) would read as names without keys: refused.
 */
export function readCandidateCache(cache: string): [string, Candidate[]][] {
  const byArticle = JSON.parse(readFileSync(cache, "utf8")) as [string, Candidate[]][];
  if (byArticle.some(([, list]) => list.some((m) => typeof m.key !== "string" || typeof m.vn !== "boolean"))) {
    throw new Error(`${cache} holds candidates of older code (no key): delete it and run again`);
  }
  return byArticle;
}

/** Name candidates of every article, read from `cache` when it exists (building them takes ~40 s). */
export function archiveCandidates(raws: RawArticle[], cache: string | undefined): Map<string, Candidate[]> {
  if (cache && existsSync(cache)) return new Map(readCandidateCache(cache));
  const out = new Map<string, Candidate[]>();
  const skipped: string[] = [];
  for (const raw of raws) {
    if (out.has(raw.id)) continue;
    try {
      out.set(raw.id, prepareArticleWithDetail(raw).detail.candidates);
    } catch (error) {
      // Articles that cannot be cleaned are not indexed either; but say so, since a bug that
      // throws in every article would otherwise leave a quietly partial archive (and cache).
      skipped.push(`${raw.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (skipped.length > 0) console.error(`${skipped.length} articles could not be cleaned (first: ${skipped[0]})`);
  // A run that skipped more than a stray bad record looks like a bug: its archive is not cached for reuse.
  if (cache && skipped.length <= raws.length / 100) writeFileSync(cache, JSON.stringify([...out]));
  return out;
}

// Only when run as a script: importing it (a test of labelFiles or sampleIds) runs nothing.
if (require.main === module) void main();
