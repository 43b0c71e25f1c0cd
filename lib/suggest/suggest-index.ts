// Completions of what a reader is typing: people, outlets and frequent phrases whose
// words start with the typed text, marks optional ("vlad" → Vladimir Putin, "hoa b" →
// hòa bình). A radix tree over folded keys (MiniSearch's SearchableMap, as the search
// index uses) finds them; short prefixes, which match thousands, are answered from lists
// ranked once at build time. A build is a generator of steps (lib/suggest/steps.ts), so the
// server can build one between requests (lib/suggest/service.ts) rather than during one.
import SearchableMap from "minisearch/SearchableMap";
import { frequentPhraseSteps, type PhraseOptions } from "@/lib/suggest/phrases";
import { drain, type Steps } from "@/lib/suggest/steps";
import { fold, normalize } from "@/lib/text/analyzer";

export type SuggestionKind = "person" | "outlet" | "phrase";

/** The contract's suggestion: `id` is the facet value id of a person or an outlet. */
export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  id?: string;
}

interface Entry {
  suggestion: Suggestion;
  /** Articles naming the person or outlet, or titles with the phrase. */
  weight: number;
  /** The normalised (marked) text, for preferring the reader's own marks. */
  normalized: string;
}

export interface SuggestSource {
  persons: readonly { id: string; name: string; count: number }[];
  outlets: readonly { id: string; name: string; count: number }[];
  titles: readonly string[];
}

export const DEFAULT_LIMIT = 8;
/** Prefixes up to this many characters are answered from precomputed lists. */
const SHORT_PREFIX = 4;
/** Candidates kept per short prefix: enough for any limit and for re-ranking by marks. */
const SHORT_KEEP = 40;

/** Lowercase, marks kept or dropped, spaces collapsed; a trailing space is kept (a word ended). */
function keyOf(text: string, foldMarks: boolean): string {
  const spaced = text.replace(/\s+/gu, " ").replace(/^ /, "");
  return foldMarks ? fold(spaced) : normalize(spaced);
}

const byWeight = (a: Entry, b: Entry) => b.weight - a.weight || (a.suggestion.text < b.suggestion.text ? -1 : 1);

/**
 * Work between two steps of a build (each a millisecond or so): suggestions added to the tree,
 * its keys listed under their short prefixes, and candidates of short prefixes ranked (a
 * prefix's list is sorted in one step, however long: a one-letter prefix's is thousands).
 */
const ENTRIES_PER_STEP = 64;
const KEYS_PER_STEP = 2048;
const CANDIDATES_PER_STEP = 4096;

export class SuggestIndex {
  private readonly tree = new SearchableMap<Entry[]>();
  private readonly short = new Map<string, Entry[]>();
  private entries = 0;

  /** Built at once from `source` (`suggestIndexSteps` builds one in steps); without a source, empty. */
  constructor(source?: SuggestSource, phraseOptions: Partial<PhraseOptions> = {}) {
    if (source) drain(this.fill(source, phraseOptions));
  }

  /** Suggestions held (people, outlets, phrases). */
  get size(): number {
    return this.entries;
  }

  /** Adds every suggestion of `source` and ranks the short prefixes' candidates, in steps (once, on an empty index). */
  *fill(source: SuggestSource, phraseOptions: Partial<PhraseOptions> = {}): Steps<void> {
    const entityKeys = new Set<string>();
    const add = (kind: SuggestionKind, text: string, weight: number, id?: string) => {
      const entry: Entry = { suggestion: id ? { kind, text, id } : { kind, text }, weight, normalized: keyOf(text, false) };
      this.entries++;
      // Names complete from any word: "putin" finds Vladimir Putin. Phrases from their start.
      const folded = keyOf(text, true);
      const starts = kind === "phrase" ? [0] : [...folded.matchAll(/(?<=^|[\s\-‐‑.])\S/gu)].map((m) => m.index ?? 0);
      for (const start of new Set(starts)) {
        const key = folded.slice(start);
        const list = this.tree.get(key);
        if (list) list.push(entry);
        else this.tree.set(key, [entry]);
      }
      if (kind !== "phrase") entityKeys.add(folded);
      // Whether to pause here.
      return this.entries % ENTRIES_PER_STEP === 0;
    };
    for (const p of source.persons) if (add("person", p.name, p.count, p.id)) yield;
    for (const o of source.outlets) if (add("outlet", o.name, o.count, o.id)) yield;
    const phrases = yield* frequentPhraseSteps(source.titles, phraseOptions);
    for (const phrase of phrases) {
      // A phrase that is a name ("Donald Trump") is already offered as the person.
      if (!entityKeys.has(keyOf(phrase.text, true)) && add("phrase", phrase.text, phrase.count)) yield;
    }

    // Rank the candidates of every short prefix once.
    let keys = 0;
    for (const [key, list] of this.tree) {
      for (let n = 1; n <= Math.min(SHORT_PREFIX, key.length); n++) {
        const prefix = key.slice(0, n);
        const kept = this.short.get(prefix) ?? [];
        kept.push(...list);
        this.short.set(prefix, kept);
      }
      if (++keys % KEYS_PER_STEP === 0) yield;
    }
    let candidates = 0;
    for (const [prefix, list] of this.short) {
      this.short.set(prefix, [...new Set(list)].sort(byWeight).slice(0, SHORT_KEEP));
      candidates += list.length;
      if (candidates >= CANDIDATES_PER_STEP) {
        candidates = 0;
        yield;
      }
    }
  }

  /** Completions of `q`, best first: typed marks matched first, then by how often the archive uses them. */
  suggest(q: string, limit = DEFAULT_LIMIT): Suggestion[] {
    const key = keyOf(q, true);
    if (!key.trim()) return [];
    let candidates: Entry[];
    if (key.length <= SHORT_PREFIX) {
      candidates = this.short.get(key) ?? [];
    } else {
      const seen = new Set<Entry>();
      for (const [, list] of this.tree.atPrefix(key)) for (const e of list) seen.add(e);
      candidates = [...seen];
    }
    const marked = keyOf(q, false);
    const ranked = marked === key ? candidates : candidates.map((e) => ({ e, own: startsAtWord(e.normalized, marked) }));
    if (ranked === candidates)
      return [...candidates]
        .sort(byWeight)
        .slice(0, limit)
        .map((e) => e.suggestion);
    return (ranked as { e: Entry; own: boolean }[])
      .sort((a, b) => Number(b.own) - Number(a.own) || byWeight(a.e, b.e))
      .slice(0, limit)
      .map((r) => r.e.suggestion);
  }
}

/** Whether some word of `text` starts with `prefix` (both normalised). */
function startsAtWord(text: string, prefix: string): boolean {
  for (let i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
    if (i === 0 || /[\s\-‐‑.]/u.test(text[i - 1])) return true;
  }
  return false;
}

/** What a suggest index is built from: each article's title, people and outlet. */
export interface SuggestEntry {
  title: string;
  persons: readonly { id: string; name: string }[];
  outlet: { id: string; name: string } | null;
}

/** Entries read between two steps of `suggestSourceSteps` (each may be a document store read). */
const SOURCE_ENTRIES_PER_STEP = 32;

/** Tallies the people and outlets of an archive and collects its titles. */
export function suggestSource(entries: Iterable<SuggestEntry>): SuggestSource {
  return drain(suggestSourceSteps(entries));
}

/** `suggestSource` in steps of a few dozen entries (lib/suggest/steps.ts). */
export function* suggestSourceSteps(entries: Iterable<SuggestEntry>): Steps<SuggestSource> {
  const persons = new Map<string, { id: string; name: string; count: number }>();
  const outlets = new Map<string, { id: string; name: string; count: number }>();
  const tally = (counts: typeof persons, v: { id: string; name: string }) => {
    const c = counts.get(v.id);
    if (c) c.count++;
    else counts.set(v.id, { id: v.id, name: v.name, count: 1 });
  };
  const titles: string[] = [];
  for (const e of entries) {
    titles.push(e.title);
    for (const p of e.persons) tally(persons, p);
    if (e.outlet) tally(outlets, e.outlet);
    if (titles.length % SOURCE_ENTRIES_PER_STEP === 0) yield;
  }
  return { persons: [...persons.values()], outlets: [...outlets.values()], titles };
}

/** A suggest index of `entries` built in steps: what `new SuggestIndex(suggestSource(entries), options)` builds at once. */
export function* suggestIndexSteps(entries: Iterable<SuggestEntry>, phraseOptions: Partial<PhraseOptions> = {}): Steps<SuggestIndex> {
  const source = yield* suggestSourceSteps(entries);
  const index = new SuggestIndex();
  yield* index.fill(source, phraseOptions);
  return index;
}
