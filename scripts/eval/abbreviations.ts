// Abbreviations and their long forms, counted (issue #9, lib/search/abbreviations.ts): what the
// archive-learned reading finds (each short form, its long form, how many articles write each,
// both, and one in the title with the other in the body), what one reading costs, and which
// judged queries type a short or a long form the reading knows, with their nDCG@5 for us and
// the peers read from an `ablate.ts --per-query` output.
//
//   npx tsx scripts/eval/abbreviations.ts --index=DIR [--corpus=DIR] [--per-query=FILE] [--top=40] [--words=kcn,hlv]
// `--words`: for each folded short form, the phrases its sampled articles write with it (before the
// reading's choice), with the evidence, and what it is read as.
// `--list=FILE`: every learned pair, one per line (`short<TAB>long<TAB>together/sampled`), to diff two versions.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import type { Archive } from "@/lib/index/archive";
import { ABBREVIATION_PHRASE, AbbreviationReader, abbreviationShape, archiveAbbreviations, qualifies, readAbbreviations } from "@/lib/search/abbreviations";
import { parseQuery } from "@/lib/search/query-parse";
import { archiveSize, BREAK, foldedDf, tokenAt } from "@/lib/search/rank-index";
import { splitRunTogether } from "@/lib/search/run-together";
import { NAME_SHARE, writtenAsName } from "@/lib/search/word-case";
import { loadJudged } from "./judged";
import { tuningSets } from "./tuning-sets";

/** One row of an `ablate.ts --per-query` table: set, query id, and nDCG@5 per engine (ours, then the peers). */
export interface PerQuery {
  set: string;
  id: string;
  q: string;
  ours: number;
  peers: number[];
}

/** The per-query rows of an `ablate.ts --per-query` output (`| set | id query | ours | peer… |`). */
export function parsePerQuery(text: string): PerQuery[] {
  const rows: PerQuery[] = [];
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // | set | id query | ours | MiniSearch | FlexSearch | … (ids are letters then digits: a23, aa01)
    if (cells.length < 6 || !/^[a-z]+\d+ /.test(cells[2] ?? "")) continue;
    const [id, ...q] = cells[2].split(" ");
    const nums = cells.slice(3, 6).map(Number);
    if (nums.some((n) => Number.isNaN(n))) continue;
    rows.push({ set: cells[1], id, q: q.join(" "), ours: nums[0], peers: nums.slice(1) });
  }
  return rows;
}

/** Articles writing `short` in the title and `long` in the body, and the reverse. */
function titleBody(archive: Archive, short: number, long: number[]): { shortTitle: number; longTitle: number } {
  const lex = archive.lexicon;
  let shortTitle = 0;
  let longTitle = 0;
  for (const seg of archive.segments) {
    const r = seg.rank;
    const s = r.foldedId.get(lex.foldedTerm[short]);
    const l = long.map((g) => r.foldedId.get(lex.foldedTerm[g]) ?? -1);
    if (s === undefined || l.includes(-1)) continue;
    for (let p = r.foldedStart[s]; p < r.foldedStart[s + 1]; p++) {
      const d = r.foldedDocs[p];
      if (r.deleted?.[d]) continue;
      const at = (i: number) => {
        const e = tokenAt(r.stream, i);
        return e === BREAK ? -1 : r.foldedOf[e];
      };
      const find = (from: number, to: number, terms: number[]) => {
        outer: for (let i = from; i + terms.length <= to; i++) {
          for (let k = 0; k < terms.length; k++) if (at(i + k) !== terms[k]) continue outer;
          return true;
        }
        return false;
      };
      const [a, t, e] = [r.docStart[d], r.titleEnd[d], r.docStart[d + 1]];
      if (find(a, t, [s]) && find(t, e, l)) shortTitle++;
      if (find(a, t, l) && find(t, e, [s])) longTitle++;
    }
  }
  return { shortTitle, longTitle };
}

async function main() {
  const { values: args } = cliArgs(__filename, {
    options: {
      corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus") },
      index: { type: "string" },
      "per-query": { type: "string" },
      top: { type: "string", default: "40" },
      words: { type: "string" },
      list: { type: "string" },
      // The phrase rule's fewest syllables (abbreviations.ts ABBREVIATION_PHRASE, as landed: `Infinity`, off; `3`: PHRASE_SYLLABLES, rank33's rule).
      phrase: { type: "string", default: String(ABBREVIATION_PHRASE) },
    },
  });
  if (!args.index) throw new Error("--index=DIR is required");
  const live = await LiveIndex.open({ corpusDir: path.resolve(args.corpus!), indexDir: path.resolve(args.index), reader: true, waitForWriter: false });
  const archive = live.archive;
  const lex = archive.lexicon;
  const reader = new AbbreviationReader(archiveAbbreviations(archive), Number(args.phrase));
  const longText = (syllables: number[]) => syllables.map((g) => lex.foldedTerm[g]).join(" ");

  for (const word of args.words?.split(",") ?? []) {
    const f = lex.foldedId.get(word);
    if (f === undefined) {
      console.log(`${word}: not in the archive`);
      continue;
    }
    const read = reader.longForm(f);
    console.log(`${word} (df ${foldedDf(lex, f)}): read as ${read ? longText(read.syllables) : "nothing"}`);
    for (const c of reader.candidates(f).slice(0, 5))
      console.log(`  ${longText(c.syllables)}: ${c.together} / ${c.sampled} articles, df ${c.df}, qualifies ${qualifies(c, archiveSize(lex))}`);
  }

  // Every short form the archive writes capitalised, read once (CPU time per reading).
  const shorts: number[] = [];
  for (let f = 0; f < lex.foldedTerm.length; f++) {
    if (abbreviationShape(lex.foldedTerm[f]) && foldedDf(lex, f) >= 3 && writtenAsName(lex.shared?.cases, f, NAME_SHARE)) shorts.push(f);
  }
  const times: number[] = [];
  const learned: { f: number; long: number[]; spelling: number[]; together: number; sampled: number; df: number }[] = [];
  for (const f of shorts) {
    const t0 = process.cpuUsage();
    const long = reader.longForm(f);
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
    if (long) learned.push({ f, long: long.syllables, spelling: long.spelling, together: long.together, sampled: long.sampled, df: long.df });
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(
    `archive: ${archive.segments.reduce((n, s) => n + s.rank.n, 0)} articles; ${shorts.length} capitalised words of 2–6 letters (df ≥ 3); ${learned.length} read as a long form`,
  );
  console.log(`CPU ms per reading (the first, the syllable lists built once before): median ${q(0.5)}, p90 ${q(0.9)}, max ${q(0.999)}`);
  learned.sort((a, b) => foldedDf(lex, b.f) - foldedDf(lex, a.f));
  if (args.list)
    writeFileSync(args.list, learned.map((l) => `${lex.foldedTerm[l.f]}\t${longText(l.long)}\t${l.together}/${l.sampled}\t${foldedDf(lex, l.f)}\n`).join(""));
  console.log(
    `\n| short | long form | short df | long df (est.) | both, of the articles sampled | short in title, long in body | long in title, short in body |`,
  );
  console.log(`|---|---|---|---|---|---|---|`);
  for (const l of learned.slice(0, Number(args.top))) {
    const tb = titleBody(archive, l.f, l.long);
    const long = l.spelling.map((e, k) => lex.exactTerm[e] ?? lex.foldedTerm[l.long[k]]).join(" ");
    console.log(
      `| ${lex.exactTerm[lex.commonExact[l.f]] ?? lex.foldedTerm[l.f]} | ${long} | ${foldedDf(lex, l.f)} | ${l.df} | ${l.together} / ${l.sampled} | ${tb.shortTitle} | ${tb.longTitle} |`,
    );
  }

  // The judged queries the reading touches.
  // The tuning sets (tuning-sets.ts); the session's fresh held-out set is never read here.
  const files = tuningSets().map((s) => s.file);
  const scores = new Map((args["per-query"] ? parsePerQuery(readFileSync(args["per-query"], "utf8")) : []).map((r) => [r.id, r]));
  console.log(`\n| query | read as | ours | MiniSearch | FlexSearch |`);
  console.log(`|---|---|---|---|---|`);
  let touched = 0;
  let behind = 0;
  for (const file of files) {
    for (const jq of loadJudged(path.resolve(__dirname, "../../data/eval", file)).queries) {
      const split = splitRunTogether(lex, parseQuery(jq.q));
      const read = readAbbreviations(reader, split);
      if (read === split) continue;
      touched++;
      const s = scores.get(jq.id);
      if (s && s.ours < Math.max(...s.peers, 1)) behind++;
      const words = read.words.map((w, i) => (read.whole[i] >= 0 ? `${w.text}[${lex.foldedTerm[read.whole[i]]}]` : w.text)).join(" ");
      console.log(`| ${jq.id} ${jq.q} | ${words} | ${s?.ours.toFixed(2) ?? "—"} | ${s?.peers[0]?.toFixed(2) ?? "—"} | ${s?.peers[1]?.toFixed(2) ?? "—"} |`);
    }
  }
  console.log(`\n${touched} judged queries read with an abbreviation; ${behind} of them below nDCG@5 1.00`);
  await live.close();
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
