// Frequent multi-syllable phrases of an archive's titles ("hòa bình", "Tổng thống Mỹ"):
// the words people are likely to be typing, found without a dictionary.
import { drain, type Steps } from "@/lib/suggest/steps";
import { joins, tokenize, type Token } from "@/lib/text/analyzer";

export interface Phrase {
  /** The most frequent spelling in the titles, e.g. `hòa bình`. */
  text: string;
  /** Titles containing the phrase. */
  count: number;
}

export interface PhraseOptions {
  /** Fewest titles a phrase must appear in. */
  minCount: number;
  /** Longest phrase, in syllables (at least 2). */
  maxWords: number;
}

export const DEFAULT_PHRASE_OPTIONS: PhraseOptions = { minCount: 3, maxWords: 3 };

/**
 * Function words a phrase may not start or end with: "của Mỹ" or "Nga và" complete
 * nothing a reader wants, while "Nga và Mỹ" can.
 */
const EDGE_STOPWORDS = new Set(
  (
    "và của là có cho với các những được bị trong ngoài tại từ về để khi thì mà này đó kia đã đang sẽ không chưa " +
    "vì do nên như theo sau trước trên dưới đến ra vào lên xuống nếu hay hoặc rằng cũng vẫn còn rất lại nhiều ít " +
    "một mọi mỗi gì ai nào đâu sao bao ở cùng"
  ).split(" "),
);

/** Every run of 2..maxWords joined tokens (no punctuation between) of one title. */
function* runs(title: string, maxWords: number): Generator<Token[]> {
  const tokens = tokenize(title);
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 2; n <= maxWords && i + n <= tokens.length; n++) {
      if (!joins(title, tokens[i + n - 2], tokens[i + n - 1])) break;
      yield tokens.slice(i, i + n);
    }
  }
}

function acceptable(words: Token[]): boolean {
  if (EDGE_STOPWORDS.has(words[0].term) || EDGE_STOPWORDS.has(words[words.length - 1].term)) return false;
  return words.every((w) => /\p{L}/u.test(w.term));
}

/** Titles tokenised, or map entries read, between two steps of `frequentPhraseSteps`. */
const TITLES_PER_STEP = 32;
const ENTRIES_PER_STEP = 4096;

/**
 * The phrases found in at least `minCount` titles, most frequent first. Two passes, so
 * spellings are only tallied for the few phrases that are frequent enough.
 */
export function frequentPhrases(titles: readonly string[], options: Partial<PhraseOptions> = {}): Phrase[] {
  return drain(frequentPhraseSteps(titles, options));
}

/** `frequentPhrases` in steps of a few dozen titles (lib/suggest/steps.ts). */
export function* frequentPhraseSteps(titles: readonly string[], options: Partial<PhraseOptions> = {}): Steps<Phrase[]> {
  const { minCount, maxWords } = { ...DEFAULT_PHRASE_OPTIONS, ...options };
  const key = (words: Token[]) => words.map((w) => w.term).join(" ");

  const counts = new Map<string, number>();
  for (let i = 0; i < titles.length; i++) {
    const seen = new Set<string>();
    for (const words of runs(titles[i], maxWords)) {
      if (!acceptable(words)) continue;
      const k = key(words);
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    if (i % TITLES_PER_STEP === TITLES_PER_STEP - 1) yield;
  }
  let read = 0;
  for (const [k, c] of counts) {
    if (c < minCount) counts.delete(k);
    if (++read % ENTRIES_PER_STEP === 0) yield;
  }

  // A title's first word is capitalised for the sentence, not the phrase: its spelling
  // counts only when nothing else spells the phrase.
  const spellings = new Map<string, Map<string, number>>();
  for (let i = 0; i < titles.length; i++) {
    for (const words of runs(titles[i], maxWords)) {
      const k = key(words);
      if (!counts.has(k)) continue;
      const text = words.map((w) => w.text.normalize("NFC")).join(" ");
      const votes = spellings.get(k) ?? new Map<string, number>();
      votes.set(text, (votes.get(text) ?? 0) + (words[0].start === 0 ? 0.001 : 1));
      spellings.set(k, votes);
    }
    if (i % TITLES_PER_STEP === TITLES_PER_STEP - 1) yield;
  }
  const phrases: Phrase[] = [];
  for (const [k, count] of counts) {
    phrases.push({ text: mostVoted(spellings.get(k)!), count });
    if (phrases.length % ENTRIES_PER_STEP === 0) yield;
  }
  yield;
  // In one step (some 25,000 phrases at 35k articles).
  return phrases.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
}

function mostVoted(votes: Map<string, number>): string {
  let best = "";
  let bestVotes = -1;
  for (const [text, v] of votes) if (v > bestVotes) [best, bestVotes] = [text, v];
  return best;
}
