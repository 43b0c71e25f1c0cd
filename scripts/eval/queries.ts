// Known-item queries for the eval: 3–4 consecutive words of a title, the target is
// that article, in four variants (exact, marks stripped, tone placement swapped, typo).
import type { Article } from "@/lib/corpus/types";
import type { Archive } from "@/lib/index/archive";
import { tokenize } from "@/lib/text/analyzer";
import { typeText } from "./typing";

/** mulberry32: a tiny seeded PRNG, so every run asks the same queries. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KnownItem {
  q: string;
  target: string;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Strip every mark, đ → d (what a phone keyboard without Telex gives). */
export function stripMarks(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/**
 * The other tone placement of an open oa/oe/uy syllable (hòa ↔ hoà, thủy ↔ thuỷ),
 * or null when both styles write the word the same way. Written independently of the
 * analyzer so the eval does not test the analyzer against itself.
 */
export function swapTone(word: string): string | null {
  const nfd = word.normalize("NFD");
  const m = /^(.*?)([oOuU])([\u0300\u0301\u0303\u0309\u0323]?)([aAeEyY])([\u0300\u0301\u0303\u0309\u0323]?)$/.exec(nfd);
  if (!m) return null;
  const [, onset, v1, t1, v2, t2] = m;
  if (/[qQ]$/.test(onset) || (!t1 && !t2)) return null;
  if (!/^(oa|oe|uy)$/i.test(v1 + v2)) return null;
  if (/[\u0300-\u036f]/.test(onset) && TONES.test(onset)) return null;
  const swapped = t1 ? onset + v1 + v2 + t1 : onset + v1 + t2 + v2;
  return swapped.normalize("NFC");
}

/** Delete one letter of one word of at least 4 letters (any word when none is). */
export function deleteLetter(q: string, rand: () => number): string {
  const words = tokenize(q);
  const long = words.filter((w) => [...w.text.normalize("NFC")].length >= 4);
  const pool = long.length ? long : words.filter((w) => w.text.length >= 2);
  if (!pool.length) return q;
  const w = pool[Math.floor(rand() * pool.length)];
  const letters = [...w.text.normalize("NFC")];
  const at = Math.floor(rand() * letters.length);
  letters.splice(at, 1);
  return q.slice(0, w.start) + letters.join("") + q.slice(w.end);
}

/** A random 3–4 word window of a title, as written (punctuation between words kept). */
function window(a: Article, rand: () => number, accept: (words: string[]) => boolean): string | null {
  const tokens = tokenize(a.title).filter((t) => /\p{L}/u.test(t.text));
  if (tokens.length < 3) return null;
  const len = tokens.length >= 4 && rand() < 0.5 ? 4 : 3;
  const from = Math.floor(rand() * (tokens.length - len + 1));
  const picked = tokens.slice(from, from + len);
  if (!accept(picked.map((t) => t.text))) return null;
  return a.title.slice(picked[0].start, picked[len - 1].end);
}

export interface QuerySets {
  exact: KnownItem[];
  stripped: KnownItem[];
  typo: KnownItem[];
  /** A separate set: queries holding a word written differently in the two tone styles. */
  toneExact: KnownItem[];
  tone: KnownItem[];
  /** The exact set typed with the input method off. */
  telex: KnownItem[];
  vni: KnownItem[];
  /** A separate set: one marked syllable given another tone (bình → bính). */
  wrongTone: KnownItem[];
}

const TONE_MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

/** One word carrying a tone mark given another tone; null when no word has one. */
export function wrongTone(q: string, rand: () => number): string | null {
  const words = tokenize(q).filter((w) => TONES.test(w.text.normalize("NFD")));
  if (!words.length) return null;
  const w = words[Math.floor(rand() * words.length)];
  const nfd = w.text.normalize("NFD");
  const tone = TONE_MARKS.find((t) => nfd.includes(t))!;
  const others = TONE_MARKS.filter((t) => t !== tone);
  const swapped = nfd.replace(tone, others[Math.floor(rand() * others.length)]).normalize("NFC");
  return q.slice(0, w.start) + swapped + q.slice(w.end);
}

/** Build the query sets from articles with real (not derived) titles. */
export function buildQuerySets(articles: Article[], count: number, seed: number): QuerySets {
  const rand = mulberry32(seed);
  const pool = articles.filter((a) => !a.titleDerived);
  const sets: QuerySets = { exact: [], stripped: [], typo: [], toneExact: [], tone: [], telex: [], vni: [], wrongTone: [] };
  for (let tries = 0; sets.exact.length < count && tries < count * 50; tries++) {
    const a = pool[Math.floor(rand() * pool.length)];
    const q = window(a, rand, () => true);
    if (!q) continue;
    sets.exact.push({ q, target: a.id });
    sets.stripped.push({ q: stripMarks(q), target: a.id });
    sets.typo.push({ q: deleteLetter(q, rand), target: a.id });
    sets.telex.push({ q: typeText(q, "telex"), target: a.id });
    sets.vni.push({ q: typeText(q, "vni"), target: a.id });
  }
  // Its own random stream, so the sets above stay as they were.
  const wrong = mulberry32(seed + 1);
  for (let tries = 0; sets.wrongTone.length < count && tries < count * 50; tries++) {
    const a = pool[Math.floor(wrong() * pool.length)];
    const q = window(a, wrong, (words) => words.some((w) => TONES.test(w.normalize("NFD"))));
    const bad = q && wrongTone(q, wrong);
    if (bad) sets.wrongTone.push({ q: bad, target: a.id });
  }
  for (let tries = 0; sets.tone.length < count && tries < count * 2000; tries++) {
    const a = pool[Math.floor(rand() * pool.length)];
    const q = window(a, rand, (words) => words.some((w) => swapTone(w) !== null));
    if (!q) continue;
    const swapped = q.replace(/[\p{L}\p{M}]+/gu, (w) => swapTone(w) ?? w);
    sets.toneExact.push({ q, target: a.id });
    sets.tone.push({ q: swapped, target: a.id });
  }
  return sets;
}

/** `npm run eval`'s latency queries (the variants it times, from the same articles and seed), every `every`-th. */
export function latencyQueries(articles: Article[], every = 1): string[] {
  const sets = buildQuerySets(articles, 400, 42);
  return (["exact", "stripped", "tone", "toneExact", "typo"] as const).flatMap((k) => sets[k].map((it) => it.q)).filter((_, i) => i % every === 0);
}

/**
 * latencyQueries of a loaded archive, without keeping its articles: a tool that held them through
 * its timed runs (1.2 GB of JS heap at 200k articles, against about 125 MiB for the opened index)
 * timed the garbage collector marking them too (docs/history/performance-log.md, scale32).
 */
export function archiveLatencyQueries(archive: Archive, every = 1): string[] {
  return latencyQueries(liveArticles(archive), every);
}

/** The live articles of a loaded archive, segment by segment (what the latency queries are drawn from). */
export function liveArticles(archive: Archive): Article[] {
  return archive.segments.flatMap((seg) =>
    Array.from({ length: seg.rank.n }, (_, d) => d)
      .filter((d) => !seg.rank.deleted?.[d])
      .map((d) => seg.store.get(d)),
  );
}
