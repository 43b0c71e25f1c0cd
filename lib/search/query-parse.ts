// The query language: words (all should match), "quoted phrases", -exclusions, and
// prefix matching on the last word for search-as-you-type. Any input parses.
import { hasMarks, joins, tokenize, type Token } from "@/lib/text/analyzer";

/** Beyond this many words a query is cut: enough for any real query, cheap to score. */
export const MAX_WORDS = 16;
/** Words longer than this are matched literally (no prefix or typo lookups). */
export const MAX_WORD_LENGTH = 40;

export interface QueryWord extends Token {
  /** Typed with a mark (tone, ă â ê ô ơ ư or đ): its exact spelling ranks first. */
  marked: boolean;
  /** The last word being typed: completions of it match too. */
  prefix: boolean;
  /** Directly follows the previous word (space or hyphen), so the two form a pair. */
  joinsPrev: boolean;
  /** Index into `phrases`, or -1. */
  phrase: number;
  /** Written against the previous word with no space, a hyphen or nothing between (Jong-un, U23, 2,4-D). */
  tight?: boolean;
  /** Typed inside quotes: never left out, not even by a long query's near misses. */
  quoted?: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Word indices of each phrase (quoted, or hyphenated like Jong-un), in order. */
  phrases: number[][];
  /** Excluded words: an article containing all tokens of one entry is dropped. */
  excluded: Token[][];
}

const QUOTES = /["“”„]/;

/** Parse a query string. Never throws; unbalanced quotes are ignored. */
export function parseQuery(q: string): ParsedQuery {
  const words: QueryWord[] = [];
  const phrases: number[][] = [];
  const excluded: Token[][] = [];
  let lastToken: Token | null = null;

  const addWords = (tokens: Token[], asPhrase: boolean): number[] => {
    const indices: number[] = [];
    for (const t of tokens) {
      if (words.length >= MAX_WORDS) break;
      const joinsPrev = lastToken !== null && (asPhrase ? indices.length > 0 : joins(q, lastToken, t));
      indices.push(words.length);
      const tight = joinsPrev && lastToken !== null && !/\s/.test(q.slice(lastToken.end, t.start));
      words.push({ ...t, marked: hasMarks(t.term), prefix: false, joinsPrev, phrase: -1, ...(tight ? { tight } : {}), ...(asPhrase ? { quoted: true } : {}) });
      lastToken = t;
    }
    // A chunk is a phrase only where the analyzer joins its parts (a hyphen: Jong-un): an article
    // writes `TP.HCM` and `đồng/lít` with a break between the parts, so such parts are words of their own.
    const runs: number[][] = [];
    indices.forEach((i, k) => (k > 0 && (asPhrase || words[i].joinsPrev) ? runs[runs.length - 1].push(i) : runs.push([i])));
    for (const run of runs) {
      if (run.length < 2) continue;
      for (const i of run) words[i].phrase = phrases.length;
      phrases.push(run);
    }
    return indices;
  };

  for (const part of splitQuotes(q)) {
    if (part.quoted) {
      addWords(offset(tokenize(part.text), part.start), true);
      lastToken = null;
      continue;
    }
    for (const m of part.text.matchAll(/\S+/g)) {
      const chunkStart = part.start + (m.index ?? 0);
      const chunk = m[0];
      if (chunk.length > 1 && chunk[0] === "-") {
        const tokens = offset(tokenize(chunk.slice(1)), chunkStart + 1);
        if (tokens.length) excluded.push(tokens);
        lastToken = null;
        continue;
      }
      // A chunk of several tokens (Jong-un, TP.HCM) is a phrase of its parts: addWords makes it one.
      addWords(offset(tokenize(chunk), chunkStart), false);
    }
  }

  // Search as you type: the last word, if the query does not end with a space or quote.
  const last = words[words.length - 1];
  if (last && last.phrase === -1 && last.end === q.trimEnd().length && last.end === q.length) {
    last.prefix = last.folded.length >= 2 && last.folded.length <= MAX_WORD_LENGTH;
  }
  return { words, phrases, excluded };
}

/**
 * The query with its quotes taken away (its words kept, in order), or null when it quotes
 * nothing: what a quoted phrase no article writes is answered as (matcher.ts, issue #9 rank26).
 */
export function unquotedQuery(q: string): string | null {
  if (!parseQuery(q).words.some((w) => w.quoted)) return null;
  const words = q
    .replace(/["“”„]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return words || null;
}

interface Part {
  text: string;
  start: number;
  quoted: boolean;
}

/** Split into quoted and unquoted parts; an unmatched quote is plain text. */
function splitQuotes(q: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  let plainFrom = 0;
  while (at < q.length) {
    const open = indexOfQuote(q, at);
    if (open < 0) break;
    const close = indexOfQuote(q, open + 1);
    if (close < 0) break;
    if (open > plainFrom) parts.push({ text: q.slice(plainFrom, open), start: plainFrom, quoted: false });
    parts.push({ text: q.slice(open + 1, close), start: open + 1, quoted: true });
    at = plainFrom = close + 1;
  }
  if (plainFrom < q.length) parts.push({ text: q.slice(plainFrom).replace(/["“”„]/g, " "), start: plainFrom, quoted: false });
  return parts;
}

function indexOfQuote(q: string, from: number): number {
  for (let i = from; i < q.length; i++) if (QUOTES.test(q[i])) return i;
  return -1;
}

function offset(tokens: Token[], by: number): Token[] {
  return tokens.map((t) => ({ ...t, start: t.start + by, end: t.end + by }));
}
