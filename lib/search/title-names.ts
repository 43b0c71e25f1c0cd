// Names in the title (issue #9, RankWeights.titleNames): a query's names and codes, the words
// typed with a capital letter or a digit (`Iran`, `Tehran`, `THAAD`, `U23`, `G7`), are what an
// article about the query names in its headline. A page whose title lacks them, holding the
// query's other words in its lead or body (`Tàu ngầm Nga nã tên lửa … ở Syria` for `Iran bắn tên
// lửa Syria`), is most often about something else. The matcher adds weight × the share of the
// query's names that the article's title holds, as it adds the accent: a part per article of at
// most the weight, read from the postings' title counts (no positional pass), added to both the
// score and the upper bound.
import type { Group } from "@/lib/search/query-expand";
import { foldedPostingOf, type Lexicon, type RankIndex } from "@/lib/search/rank-index";

/** A word typed as a name or a code: its first letter a capital, or a digit. */
export function isNameWord(typed: string): boolean {
  return /^[\p{Lu}\d]/u.test(typed);
}

/**
 * The query's distinct name words, each as the folded spellings a title may write it in (the
 * word itself and its other spellings of a number or date, never a completion). A word typed in
 * lower case is one when `lowerName` says the archive writes it as a name (word-case.ts).
 */
export function titleNameTerms(lex: Pick<Lexicon, "foldedTerm">, groups: readonly Group[], lowerName?: (folded: string) => boolean): string[][] {
  const seen = new Set<string>();
  const names: string[][] = [];
  for (const g of groups) {
    if (!(isNameWord(g.word.text) || lowerName?.(g.word.folded)) || seen.has(g.word.folded)) continue;
    seen.add(g.word.folded);
    names.push([...new Set([g.word.folded, ...g.terms.filter((t) => t.base).map((t) => lex.foldedTerm[t.f])])]);
  }
  return names;
}

type Postings = Pick<RankIndex, "n" | "foldedId" | "foldedStart" | "foldedDocs" | "foldedTf">;

/** Each name's spellings as this segment's folded ids (those it holds), looked up once per segment. */
export function nameIds(rank: Pick<RankIndex, "foldedId">, names: readonly string[][]): number[][] {
  return names.map((spellings) => spellings.flatMap((spelling) => rank.foldedId.get(spelling) ?? []));
}

/** How many postings the names' spellings (`nameIds`) have in this segment (what a pass over them reads). */
export function namePostings(rank: Postings, ids: readonly number[][]): number {
  let total = 0;
  for (const fs of ids) for (const f of fs) total += rank.foldedStart[f + 1] - rank.foldedStart[f];
  return total;
}

/** For each article of the segment, how many of the names (`nameIds`) its title holds: one pass over their postings. */
export function titleHolders(rank: Postings, ids: readonly number[][]): Uint8Array {
  const count = new Uint8Array(rank.n);
  const seen = new Uint8Array(rank.n);
  for (let k = 0; k < ids.length; k++) {
    for (const f of ids[k]) {
      for (let p = rank.foldedStart[f]; p < rank.foldedStart[f + 1]; p++) {
        // foldedTf: title count << 12 | lead << 8 | body.
        if (rank.foldedTf[p] < 1 << 12) continue;
        const d = rank.foldedDocs[p];
        if (seen[d] === k + 1) continue;
        seen[d] = k + 1;
        count[d]++;
      }
    }
  }
  return count;
}

/** How many of the names (`nameIds`) one article's title holds: a binary search in each spelling's postings. */
export function titleHeld(rank: Postings, ids: readonly number[][], d: number): number {
  let held = 0;
  for (const fs of ids) {
    for (const f of fs) {
      const at = foldedPostingOf(rank, f, d);
      if (at >= 0 && rank.foldedTf[at] >= 1 << 12) {
        held++;
        break;
      }
    }
  }
  return held;
}

/**
 * Per name, whether one pass over its spellings' postings (titleHolders) reads less than a binary
 * search per article in each spelling's postings (titleHeld), each search costing about
 * `searchCost` postings read in a pass. Counted per spelling: a month typed after `tháng` is a
 * name whose spellings are its hundreds of written dates (query-expand.ts monthDates), whose
 * searches per article cost hundreds of times one.
 */
export function titlePasses(rank: Postings, ids: readonly number[][], articles: number, searchCost: number): boolean[] {
  return ids.map((fs) => articles * searchCost * fs.length > namePostings(rank, [fs]));
}

/** How many of the names (`nameIds`) an article's title holds, for `articles` articles of the segment: each name passed or searched (titlePasses). */
export function titleCounter(rank: Postings, ids: readonly number[][], articles: number, searchCost: number): (d: number) => number {
  const passes = titlePasses(rank, ids, articles, searchCost);
  const passed = ids.filter((_, k) => passes[k]);
  const searched = ids.filter((_, k) => !passes[k]);
  const pass = passed.length ? titleHolders(rank, passed) : null;
  if (!searched.length) return (d) => pass![d];
  return pass ? (d) => pass[d] + titleHeld(rank, searched, d) : (d) => titleHeld(rank, searched, d);
}
