// Where we trail, by kind of query: every judged query is tagged by rules on its text alone
// (never by hand, never from the sets' own `kind`/`tags` fields), then each engine's nDCG@5 is
// averaged per kind, with our wins and losses against each peer, overall and per set.
// Reads Tìm tin's tops from an ablate.ts --dump file and the peers' from an ablate.ts --peers file;
// every set is scored with data/eval/judged-additions.json.
//
//   npx tsx scripts/eval/kinds.ts --tops=/tmp/tops.json --peers=/tmp/peers.json [--set=data/eval/judged-queries.json,…] [--per-set]
import { readFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { PLACES, VN_SURNAMES } from "@/lib/corpus/names";
import { fold } from "@/lib/text/analyzer";
import { loadAdditions, loadJudged, ndcgAt, withAdditions } from "./judged";
import { tuningSets } from "./tuning-sets";

type Tops = Record<string, string[]>;

/** The kinds, in the order the table lists them. */
export const KINDS = [
  "typed without marks",
  "typed with marks",
  "without marks, a word starting with d (đ typed as d?)",
  "quoted",
  "long (6+ words)",
  "1–2 words",
  "3–5 words",
  "a proper name with capitals (not a listed place)",
  "a Vietnamese full name (family name first, with capitals)",
  "a place",
  "numbers or abbreviations",
  "a date, month or year (9/5, tháng 5, 2017)",
  "a negation (không, chưa, chẳng)",
  "two names and lower-case words between (who did what to whom)",
] as const;
export type Kind = (typeof KINDS)[number];

const MARKED = /[^\x00-\x7f]/u;
const CAPITALISED = /^\p{Lu}/u;
const VOWEL = /[aeiouy]/i;

/** Places, folded, as word runs; one-syllable places only when at least 4 letters (`iran`, not `nga`: `ngã`). */
const FOLDED_PLACES = PLACES.map((p) => fold(p)).filter((p) => p.includes(" ") || p.length >= 4);

/** Whether `words` (lowercase) holds `run` (space-separated) at a word boundary. */
function holdsRun(words: string[], run: string): boolean {
  const parts = run.split(" ");
  return words.some((_, i) => parts.every((p, j) => words[i + j] === p));
}

/** The query's words as typed, quotes and punctuation at their ends dropped. */
function wordsOf(q: string): string[] {
  return q
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

/** A place written in the query: as written when the query has marks, folded (several syllables or 4+ letters) when not. */
function placeIn(q: string, words: string[]): boolean {
  if (MARKED.test(q)) return PLACES.some((p) => holdsRun(words, p));
  const folded = words.map((w) => w.toLowerCase());
  return FOLDED_PLACES.some((p) => holdsRun(folded, p));
}

/** Capitalised runs of the query (queries are typed in lower case but for names, so a first word counts too). */
function capitalRuns(words: string[]): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) runs.push(run.join(" "));
    run = [];
  };
  words.forEach((w) => {
    const cap = CAPITALISED.test(w) && !isAbbreviation(w);
    if (cap) run.push(w);
    else flush();
  });
  flush();
  return runs;
}

/** `THPT`, `DNNVV`, `su-22`, `tphcm`: two or more capitals, a digit, or a lower-case word of 3+ letters without a vowel. */
function isAbbreviation(w: string): boolean {
  return /\p{N}/u.test(w) || /^\p{Lu}{2,}$/u.test(w) || (w.length >= 3 && /^[a-z]+$/.test(w) && !VOWEL.test(w));
}

/** `9/5`, `5/2017`, `2/9/2017`; `tháng 5` (`thang 5`); a year 1900–2099. */
function isDated(words: string[]): boolean {
  return words.some(
    (w, i) =>
      /^\d{1,2}\/\d{1,4}(\/\d{2,4})?$/.test(w) || /^(19|20)\d\d$/.test(w) || (/^th[aá]ng$/i.test(w) && /^\d{1,2}(\/\d{2,4})?$/.test(words[i + 1] ?? "")),
  );
}

/** Words that negate what follows (unmarked `chua` is as often `chùa`: only its marked form). */
const NEGATION = new Set(["không", "khong", "chưa", "chẳng", "chang"]);

/** The kinds of one query, by rules on its text alone. */
export function queryKinds(q: string): Kind[] {
  const words = wordsOf(q);
  const marked = MARKED.test(q);
  const kinds: Kind[] = [marked ? "typed with marks" : "typed without marks"];
  if (!marked && words.some((w) => /^d/i.test(w))) kinds.push("without marks, a word starting with d (đ typed as d?)");
  if (q.includes('"')) kinds.push("quoted");
  kinds.push(words.length <= 2 ? "1–2 words" : words.length <= 5 ? "3–5 words" : "long (6+ words)");
  const place = placeIn(q, words);
  const names = capitalRuns(words).filter((run) => !PLACES.includes(run));
  if (names.length) kinds.push("a proper name with capitals (not a listed place)");
  if (names.some((run) => run.includes(" ") && VN_SURNAMES.has(run.split(" ")[0].toLowerCase())))
    kinds.push("a Vietnamese full name (family name first, with capitals)");
  if (place) kinds.push("a place");
  if (words.some(isAbbreviation)) kinds.push("numbers or abbreviations");
  if (isDated(words)) kinds.push("a date, month or year (9/5, tháng 5, 2017)");
  if (words.some((w) => NEGATION.has(w.toLowerCase()))) kinds.push("a negation (không, chưa, chẳng)");
  if (/C+L+C/.test(words.map((w) => (CAPITALISED.test(w) ? "C" : "L")).join(""))) kinds.push("two names and lower-case words between (who did what to whom)");
  return [...new Set(kinds)];
}

export interface QueryScore {
  set: string;
  id: string;
  q: string;
  /** Engine name → nDCG@5; the first engine is ours. */
  scores: Record<string, number>;
}

export interface KindRow {
  kind: Kind;
  count: number;
  /** Engine name → mean nDCG@5 over the kind's queries. */
  mean: Record<string, number>;
  /** Peer name → [our wins, our losses] (a difference above `tie`). */
  record: Record<string, [number, number]>;
  /** Peer name → the nDCG@5 we lose in total on the kind's queries the peer leads (the sum of its margins). */
  lost: Record<string, number>;
  /** Peer name → our nDCG@5 minus the peer's, summed over the kind's queries. */
  net: Record<string, number>;
}

/** Per kind: count, each engine's mean, and our wins and losses against each peer. */
export function kindTable(rows: QueryScore[], ours: string, tie = 0.005): KindRow[] {
  const engines = rows.length ? Object.keys(rows[0].scores) : [];
  return KINDS.map((kind) => {
    const of = rows.filter((r) => queryKinds(r.q).includes(kind));
    const mean = Object.fromEntries(engines.map((e) => [e, of.reduce((s, r) => s + r.scores[e], 0) / (of.length || 1)]));
    const record = Object.fromEntries(
      engines
        .filter((e) => e !== ours)
        .map((e): [string, [number, number]] => [
          e,
          [of.filter((r) => r.scores[ours] - r.scores[e] > tie).length, of.filter((r) => r.scores[e] - r.scores[ours] > tie).length],
        ]),
    );
    const peers = engines.filter((e) => e !== ours);
    const lost = Object.fromEntries(peers.map((e) => [e, of.reduce((s, r) => s + (r.scores[e] - r.scores[ours] > tie ? r.scores[e] - r.scores[ours] : 0), 0)]));
    const net = Object.fromEntries(peers.map((e) => [e, of.reduce((s, r) => s + r.scores[ours] - r.scores[e], 0)]));
    return { kind, count: of.length, mean, record, lost, net };
  });
}

function main() {
  const { values } = cliArgs(__filename, {
    options: {
      tops: { type: "string" },
      peers: { type: "string" },
      set: {
        type: "string",
        default: tuningSets()
          .map((s) => `data/eval/${s.file}`)
          .join(","),
      },
      "per-set": { type: "boolean", default: false },
      list: { type: "boolean", default: false },
    },
  });
  if (!values.tops || !values.peers) throw new Error("--tops and --peers are required (see --help)");
  const ours = "Tìm tin";
  const engines: Record<string, Tops> = {
    [ours]: JSON.parse(readFileSync(values.tops, "utf8")) as Tops,
    ...(JSON.parse(readFileSync(values.peers, "utf8")) as Record<string, Tops>),
  };
  const additions = loadAdditions();
  const rows: QueryScore[] = values.set!.split(",").flatMap((file) => {
    const set = withAdditions(loadJudged(path.resolve(__dirname, "../..", file)), additions);
    const name = path
      .basename(file, ".json")
      .replace(/^judged-/, "")
      .replace("queries", "frozen");
    return set.queries.map((jq) => ({
      set: name,
      id: jq.id,
      q: jq.q,
      scores: Object.fromEntries(Object.entries(engines).map(([e, t]) => [e, ndcgAt(t[jq.id] ?? [], jq.grades, 5)])),
    }));
  });
  const peers = Object.keys(engines).filter((e) => e !== ours);
  if (values.list) for (const r of rows) console.log(`${r.set} ${r.id} ${r.q} → ${queryKinds(r.q).join("; ")}`);
  console.log(`\nAll sets (${rows.length} queries): nDCG@5 per kind; our wins/losses against each peer (a difference above 0.005)\n`);
  const first = peers[0].split(" ")[0];
  console.log(
    `| kind | queries | ours | ${peers.join(" | ")} | ours − best peer | ${peers.map((p) => `wins/losses vs ${p.split(" ")[0]}`).join(" | ")} | lost to ${first} (sum) | net vs ${first} (sum) |`,
  );
  console.log(`|---|---|---|${peers.map(() => "---|").join("")}---|${peers.map(() => "---|").join("")}---|---|`);
  for (const k of kindTable(rows, ours)) {
    const best = Math.max(...peers.map((p) => k.mean[p]));
    console.log(
      `| ${k.kind} | ${k.count} | ${k.mean[ours].toFixed(3)} | ${peers.map((p) => k.mean[p].toFixed(3)).join(" | ")} | ${(k.mean[ours] - best >= 0 ? "+" : "") + (k.mean[ours] - best).toFixed(3)} | ${peers.map((p) => k.record[p].join("/")).join(" | ")} | ${k.lost[peers[0]].toFixed(2)} | ${(k.net[peers[0]] >= 0 ? "+" : "") + k.net[peers[0]].toFixed(2)} |`,
    );
  }
  if (!values["per-set"]) return;
  const sets = [...new Set(rows.map((r) => r.set))];
  const mini = peers[0];
  console.log(`\nPer set: ours − ${mini} per kind (queries of the kind in parentheses; blank: none)\n`);
  console.log(`| kind | ${sets.join(" | ")} | sets we lead / trail |`);
  console.log(`|---|${sets.map(() => "---|").join("")}---|`);
  for (const kind of KINDS) {
    let lead = 0;
    let trail = 0;
    const cells = sets.map((s) => {
      const k = kindTable(
        rows.filter((r) => r.set === s),
        ours,
      ).find((x) => x.kind === kind)!;
      if (!k.count) return "";
      const d = k.mean[ours] - k.mean[mini];
      if (d > 0.005) lead++;
      if (d < -0.005) trail++;
      return `${(d >= 0 ? "+" : "") + d.toFixed(3)} (${k.count})`;
    });
    console.log(`| ${kind} | ${cells.join(" | ")} | ${lead} / ${trail} |`);
  }
}

if (require.main === module) main();
