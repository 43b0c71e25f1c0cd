// Which articles in each engine's top k no grade covers: an unjudged article counts 0 in nDCG,
// so a set whose pool came from an older ranking charges each engine for a different share of
// its page. For each set: every engine's nDCG@k and judged share on the set's file alone and
// with data/eval/judged-additions.json, then per query the articles of each top k the file
// alone does not grade, with the grade the additions give them (- = none: unjudged either way).
// Reads Tìm tin's tops from an ablate.ts --dump file and the peers' from an ablate.ts --peers file.
//
//   npx tsx scripts/eval/unjudged.ts --tops=/tmp/tops.json --peers=/tmp/peers.json [--set=data/eval/judged-queries.json,…] [--depth=5] [--requests]
//     (--set default: every tuning set, read from data/eval's "frozen" flags by tuning-sets.ts, never the held-out set kept
//     for its report, which is never graded on request; a set none of whose queries the tops file holds is skipped, saying so,
//     and a query the tops or peers files lack shows no unjudged article)
//     (--requests: one grade-request line per query, {"q", "qid", "ids"}, the articles no grade covers even with the
//     additions, every engine's together)
import { readFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { judgedAt, loadAdditions, loadJudged, ndcgAt, withAdditions, type JudgedSet } from "./judged";
import { tuningSets } from "./tuning-sets";

type Tops = Record<string, string[]>;

export interface Unjudged {
  qid: string;
  q: string;
  /** Engine name → its unjudged articles in the top k, in rank order. */
  byEngine: Record<string, string[]>;
}

/** Per query, the articles of each engine's top `depth` that `set` grades not. */
export function unjudgedTops(set: JudgedSet, engines: Record<string, Tops>, depth: number): Unjudged[] {
  return set.queries.map((jq) => ({
    qid: jq.id,
    q: jq.q,
    byEngine: Object.fromEntries(Object.entries(engines).map(([name, tops]) => [name, (tops[jq.id] ?? []).slice(0, depth).filter((id) => !(id in jq.grades))])),
  }));
}

function main() {
  const { values } = cliArgs(__filename, {
    options: {
      tops: { type: "string" },
      peers: { type: "string" },
      // No fixed default: every tuning set (tuning-sets.ts), so that requests never name the held-out set kept for its report.
      set: { type: "string" },
      depth: { type: "string", default: "5" },
      requests: { type: "boolean", default: false },
    },
  });
  if (!values.tops || !values.peers) throw new Error("--tops and --peers are required (see --help)");
  const engines: Record<string, Tops> = {
    "Tìm tin": JSON.parse(readFileSync(values.tops, "utf8")) as Tops,
    ...(JSON.parse(readFileSync(values.peers, "utf8")) as Record<string, Tops>),
  };
  const additions = loadAdditions();
  const depth = Number(values.depth);
  const files = values.set?.split(",") ?? tuningSets().map((s) => path.join("data/eval", s.file));
  for (const file of files) {
    const file_ = loadJudged(path.resolve(__dirname, "../..", file));
    // A set the tops file never ran would read as nDCG 0 for us: skip it, saying so.
    if (!file_.queries.some((q) => q.id in engines["Tìm tin"])) {
      console.error(`${file}: none of its queries in ${values.tops}; skipped`);
      continue;
    }
    const set = withAdditions(file_, additions);
    const rows = unjudgedTops(set, engines, depth);
    if (values.requests) {
      for (const r of rows) {
        const ids = [...new Set(Object.values(r.byEngine).flat())];
        if (ids.length) console.log(JSON.stringify({ q: r.q, qid: r.qid, ids }));
      }
      continue;
    }
    const names = Object.keys(engines);
    const mean = (s: JudgedSet, tops: Tops, f: typeof ndcgAt) => s.queries.reduce((a, q) => a + f(tops[q.id] ?? [], q.grades, depth), 0) / s.queries.length;
    console.log(`\n${file}: nDCG@${depth} (judged share of the top ${depth}) on the file alone and with the additions\n`);
    console.log(`| engine | file alone | with additions |`);
    console.log(`|---|---|---|`);
    for (const n of names) {
      const t = engines[n];
      const read = (s: JudgedSet) => `${mean(s, t, ndcgAt).toFixed(3)} (${mean(s, t, judgedAt).toFixed(3)})`;
      console.log(`| ${n} | ${read(file_)} | ${read(set)} |`);
    }
    const grades = new Map(set.queries.map((q) => [q.id, q.grades]));
    const fileRows = unjudgedTops(file_, engines, depth).filter((r) => names.some((n) => r.byEngine[n].length));
    console.log(`\nArticles of each top ${depth} the file alone does not grade, with the additions' grade (- = none)\n`);
    console.log(`| query | ${names.join(" | ")} |`);
    console.log(`|---|${names.map(() => "---|").join("")}`);
    for (const r of fileRows) {
      const g = grades.get(r.qid)!;
      console.log(`| ${r.qid} ${r.q} | ${names.map((n) => r.byEngine[n].map((id) => `${id} (${id in g ? g[id] : "-"})`).join(" ")).join(" | ")} |`);
    }
    const totals = names.map((n) => `${rows.reduce((s, r) => s + r.byEngine[n].length, 0)}`);
    console.log(`\nNo grade even with the additions: ${names.map((n, i) => `${n} ${totals[i]}`).join(", ")}`);
  }
}

if (require.main === module) main();
