// The order within full pages (issue #9): queries whose first 5 (or 10) results are all full
// matches, and how much nDCG@5 their order loses against the ideal order of the same articles.
// Then, for those pages, how well each candidate feature tells the articles graded 2 from the
// lower grades listed beside them: over every pair (a 2, a lower grade) in the first `depth`,
// the pairs we order wrongly (the lower grade above) and rightly, and on which side the feature
// falls in each. A feature that fixes the wrong pairs but flips as many right ones does not
// separate. A screen before anything is built (rerank.ts re-ranks with it; ablate.ts measures).
//
//   npx tsx scripts/eval/full-pages.ts --index=DIR [--corpus=DIR] [--depth=10] [--list] [--features=a,b]
import path from "node:path";
import { cliArgs } from "../cli";
import { FEATURE_NAMES } from "@/lib/search/rank-score";
import { ndcgAt, type Grade } from "./judged";
import { FEATURES, loadScreen, type Feature, type Page, type ScreenQuery } from "./rerank";

/** What a query's first `depth` results lose by their order: nDCG@k as ranked, and as the same articles sorted by grade. */
export interface OrderLoss {
  /** The first `depth` results are all full matches (no near miss), and there are at least k. */
  full: boolean;
  ours: number;
  ideal: number;
  /** ideal − ours: what ordering the same articles would gain. */
  loss: number;
}

export function orderLoss(pages: Pick<Page, "id" | "near">[], grades: Record<string, Grade>, k = 5, depth = k): OrderLoss {
  const first = pages.slice(0, depth);
  const ids = first.map((p) => p.id);
  const sorted = [...ids].sort((a, b) => (grades[b] ?? 0) - (grades[a] ?? 0));
  const ours = ndcgAt(ids, grades, k);
  const ideal = ndcgAt(sorted, grades, k);
  return { full: first.length >= k && first.every((p) => !p.near), ours, ideal, loss: ideal - ours };
}

/** How a feature falls on the (grade 2, lower grade) pairs of the full pages: on the pairs we order wrongly, and rightly. */
export interface Separation {
  /** Pairs where the lower grade ranks above the 2: the feature is larger for the 2 (it would help) / smaller (it agrees with the error) / equal. */
  wrong: { helps: number; hurts: number; ties: number };
  /** Pairs where the 2 ranks above: the feature is larger for the lower grade (it would break them) / smaller / equal. */
  right: { breaks: number; keeps: number; ties: number };
}

/** Pairs (a 2, a lower grade) among the first `depth` of the queries whose first `depth` are all full matches (`lower`: which lower grades). */
export function separation(queries: ScreenQuery[], f: Feature, depth: number, lower: Grade[] = [1]): Separation {
  const s: Separation = { wrong: { helps: 0, hurts: 0, ties: 0 }, right: { breaks: 0, keeps: 0, ties: 0 } };
  for (const q of queries) {
    const first = q.pages.slice(0, depth);
    if (!orderLoss(first, q.grades, Math.min(5, depth), depth).full) continue;
    const values = first.map((p) => f(q, p));
    for (let i = 0; i < first.length; i++)
      for (let j = i + 1; j < first.length; j++) {
        // Unjudged articles are left out (their grade is not known, though nDCG counts them 0).
        if (!(first[i].id in q.grades && first[j].id in q.grades)) continue;
        const gi = q.grades[first[i].id];
        const gj = q.grades[first[j].id];
        const d = values[i] - values[j];
        const eq = Math.abs(d) < 1e-9;
        if (gj === 2 && lower.includes(gi)) {
          // i (lower) above j (2): wrong.
          if (eq) s.wrong.ties++;
          else if (d < 0) s.wrong.helps++;
          else s.wrong.hurts++;
        } else if (gi === 2 && lower.includes(gj)) {
          if (eq) s.right.ties++;
          else if (d < 0) s.right.breaks++;
          else s.right.keeps++;
        }
      }
  }
  return s;
}

/** The named features of the score, each as a screen feature (read from explainQuery). */
export const NAMED: Record<string, Feature> = Object.fromEntries([
  ["score", (_q: ScreenQuery, p: Page) => p.score] as const,
  ...FEATURE_NAMES.map((n) => [n, (_q: ScreenQuery, p: Page) => p.named?.[n] ?? 0] as const),
]);

async function main() {
  const { values } = cliArgs(__filename, {
    options: {
      index: { type: "string" },
      corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus") },
      depth: { type: "string", default: "10" },
      list: { type: "boolean", default: false },
      features: { type: "string" },
    },
  });
  if (!values.index) throw new Error("--index=DIR is required (a saved index: npm run index)");
  const depth = Number(values.depth);
  const queries = await loadScreen(values.index, values.corpus!, Math.max(10, depth));
  const sets = [...new Set(queries.map((q) => q.set))];
  console.log(`Full pages: queries whose first 5 / first 10 are all full matches; nDCG@5 lost to their order (${queries.length} queries)\n`);
  console.log("| set | queries | full 5 | of them losing | nDCG@5 lost (sum) | full 10 | of them losing | lost to the first 10's order (sum) |");
  console.log("|---|---|---|---|---|---|---|---|");
  const totals = [0, 0, 0, 0, 0, 0, 0];
  for (const set of sets) {
    const qs = queries.filter((q) => q.set === set);
    const five = qs.map((q) => orderLoss(q.pages, q.grades, 5, 5)).filter((o) => o.full);
    const ten = qs.map((q) => orderLoss(q.pages, q.grades, 5, 10)).filter((o) => o.full);
    const row = [
      qs.length,
      five.length,
      five.filter((o) => o.loss > 1e-9).length,
      five.reduce((s, o) => s + o.loss, 0),
      ten.length,
      ten.filter((o) => o.loss > 1e-9).length,
      ten.reduce((s, o) => s + o.loss, 0),
    ];
    row.forEach((x, i) => (totals[i] += x));
    console.log(`| ${set} | ${row.map((x, i) => (i === 3 || i === 6 ? x.toFixed(3) : x)).join(" | ")} |`);
  }
  console.log(`| all | ${totals.map((x, i) => (i === 3 || i === 6 ? x.toFixed(3) : x)).join(" | ")} |`);
  console.log("\n(nDCG@5 lost (sum): the set's mean would rise by the sum over its query count if the same articles were in grade order.)");
  if (values.list) {
    console.log("\n| set | query | ours | ideal (first 10) | grades of our first 10 |");
    console.log("|---|---|---|---|---|");
    for (const q of queries) {
      const o = orderLoss(q.pages, q.grades, 5, 10);
      if (!o.full || o.loss < 1e-9) continue;
      const g = q.pages.slice(0, 10).map((p) => (p.id in q.grades ? q.grades[p.id] : "-"));
      console.log(`| ${q.set} | ${q.id} ${q.q} | ${o.ours.toFixed(2)} | ${o.ideal.toFixed(2)} | ${g.join(" ")} |`);
    }
  }
  const candidates: Record<string, Feature> = { ...NAMED, ...Object.fromEntries(Object.entries(FEATURES).map(([n, x]) => [n, x.f])) };
  const names = values.features ? values.features.split(",") : Object.keys(candidates);
  console.log(`\nSeparation on the full pages' first ${depth}: pairs of a 2 and a 1 (and of a 2 and a 0)\n`);
  console.log(
    "| feature | 2 under a 1: helps / hurts / ties | 2 above a 1: breaks / keeps / ties | 2 under a 0: helps / hurts | 2 above a 0: breaks / keeps |",
  );
  console.log("|---|---|---|---|---|");
  for (const name of names) {
    const one = separation(queries, candidates[name], depth, [1]);
    const zero = separation(queries, candidates[name], depth, [0]);
    console.log(
      `| ${name} | ${one.wrong.helps} / ${one.wrong.hurts} / ${one.wrong.ties} | ${one.right.breaks} / ${one.right.keeps} / ${one.right.ties} | ${zero.wrong.helps} / ${zero.wrong.hurts} | ${zero.right.breaks} / ${zero.right.keeps} |`,
    );
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
