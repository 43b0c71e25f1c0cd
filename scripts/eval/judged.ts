// The hand-judged natural-query set (data/eval/judged-queries.json) and its measures.
import { readFileSync } from "node:fs";
import path from "node:path";

export type Grade = 0 | 1 | 2;

export interface JudgedQuery {
  id: string;
  q: string;
  /** topic | event | person | place; plus flags in `tags`: unmarked, quoted, long. */
  kind: string;
  tags: string[];
  /** Article id → grade, for every pooled article (unjudged articles count as 0). */
  grades: Record<string, Grade>;
}

export interface JudgedSet {
  policy: string[];
  pooling: string;
  /** Held-out files: true while the set is kept for its one report, false once it is a tuning set (tuning-sets.ts). */
  frozen?: boolean;
  queries: JudgedQuery[];
}

export function loadJudged(file = path.resolve(__dirname, "../../data/eval/judged-queries.json")): JudgedSet {
  return JSON.parse(readFileSync(file, "utf8")) as JudgedSet;
}

/** nDCG@k with gain 2^g − 1; the ideal ranking is the best k of all judged grades of the query. */
export function ndcgAt(ranked: string[], grades: Record<string, Grade>, k: number): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (2 ** (grades[id] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades)
    .map(Number)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Share of the first k results graded relevant (≥ 1); missing results count as not relevant. */
export function precisionAt(ranked: string[], grades: Record<string, Grade>, k: number): number {
  return ranked.slice(0, k).filter((id) => (grades[id] ?? 0) >= 1).length / k;
}

/** Share of the first k results that carry a grade (how much of the ranking the judgments cover). */
export function judgedAt(ranked: string[], grades: Record<string, Grade>, k: number): number {
  const top = ranked.slice(0, k);
  return top.length ? top.filter((id) => id in grades).length / top.length : 1;
}

/**
 * Condensed nDCG@k (Sakai 2007): unjudged articles are removed from the ranking before
 * scoring, so a ranking is not charged for articles the pool never showed to a judge.
 * Reported beside nDCG@k, where unjudged articles count as 0.
 */
export function condensedNdcgAt(ranked: string[], grades: Record<string, Grade>, k: number): number {
  return ndcgAt(
    ranked.filter((id) => id in grades),
    grades,
    k,
  );
}

/** One grade added after the set was frozen (data/eval/judged-additions.json). */
export interface AddedGrade {
  query: string;
  article: string;
  grade: Grade;
  /** When it was added (ISO date and time, UTC). */
  added: string;
  /** Why: which ranking surfaced it, and that it was graded from its text under the frozen policy. */
  why: string;
}

export interface JudgedAdditions {
  note: string;
  grades: AddedGrade[];
}

export function loadAdditions(file = path.resolve(__dirname, "../../data/eval/judged-additions.json")): JudgedAdditions {
  return JSON.parse(readFileSync(file, "utf8")) as JudgedAdditions;
}

/**
 * A judged set with later grades added for articles it did not grade; a grade of the set is
 * never changed (an addition for an already graded article is an error). One additions file
 * serves every set: additions for another set's queries (h.., k.., m.. beside q..) are skipped
 * here, and judged.test.ts checks that each addition names a query of some judged set.
 */
export function withAdditions(set: JudgedSet, additions: JudgedAdditions): JudgedSet {
  const byId = new Map(set.queries.map((q) => [q.id, q]));
  const queries = set.queries.map((q) => ({ ...q, grades: { ...q.grades } }));
  const out = new Map(queries.map((q) => [q.id, q]));
  for (const a of additions.grades) {
    const frozen = byId.get(a.query);
    if (!frozen) continue;
    if (a.article in frozen.grades) throw new Error(`judged additions: ${a.query} ${a.article} is already graded in the frozen set`);
    out.get(a.query)!.grades[a.article] = a.grade;
  }
  return { ...set, queries };
}
