// How scripts/people-eval.ts compares the people found in an article with its labels: pure
// functions, so tests can check them without running the script.
import { nameKey } from "@/lib/corpus/people";

/**
 * A name's comparison key: `nameKey` of its words, without a final full stop. Labels copy a
 * name as the article writes it, and a name that ends a sentence or an abbreviation keeps
 * the stop ("Donald Trump Jr."), where the rules give the name without it.
 */
export function evalKey(name: string): string {
  return nameKey(name.trim().replace(/\.+$/, "").split(/\s+/));
}

/** What one article's found names get right against its labels, by `evalKey`. */
export function compareNames(labelled: readonly string[], found: readonly string[]): { wrong: string[]; missed: string[]; right: number } {
  const gold = new Set(labelled.map(evalKey));
  const got = new Set(found.map(evalKey));
  const wrong = [...got].filter((k) => !gold.has(k));
  const missed = [...gold].filter((k) => !got.has(k));
  return { wrong, missed, right: got.size - wrong.length };
}
