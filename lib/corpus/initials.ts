// Names written with one initial before a foreign surname: "C.Ronaldo", "V. Putin", "7 S. Larsson".
// Capitalised runs stop at a full stop and none opens right after one (that keeps "TP.HCM" and
// "Q.Bình Thạnh" out), so without these the initial is a one-letter candidate of its own and a
// surname glued to it no candidate at all. Pure text tests; people.ts builds the candidates.

/** A surname written against an initial ("Ronaldo" of "C.Ronaldo"), read at a sticky position. */
const GLUED_SURNAME = /\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*(?![\p{L}\p{M}\p{N}]|\.\p{L})/uy;

/** The word glued after the initial whose full stop is at `stop` ("C.Ronaldo": "Ronaldo"), or null. */
export function gluedSurname(text: string, stop: number): string | null {
  GLUED_SURNAME.lastIndex = stop + 1;
  return GLUED_SURNAME.exec(text)?.[0] ?? null;
}

/** Words that join names in a sentence: "và V. Putin" is an initial, where "bảng C. Ronaldo …" ends a sentence at a letter. */
const NAME_JOINERS = new Set(["và", "với", "của", "giữa", "cùng", "là"]);

/**
 * Whether the letter at `at`, followed by ". " and a surname, is an initial: after a title
 * (`titled`), after punctuation, a number or the text's start (a list, a line-up's shirt
 * number), or after a word that joins names; not after a noun a letter labels ("bảng C.",
 * "vitamin C.", "khối A."), where the sentence ends.
 */
export function spacedInitial(text: string, at: number, titled: boolean): boolean {
  if (titled) return true;
  const word = /(\p{Ll}+) $/u.exec(text.slice(Math.max(0, at - 12), at));
  return !word || NAME_JOINERS.has(word[1]);
}

/** Whether a name's first word is one initial ("C.", "V."). */
export function opensWithInitial(words: readonly string[]): boolean {
  return words.length >= 2 && words[0].length === 2 && words[0].charCodeAt(1) === 46;
}

/** A name as the article writes it: "C.Ronaldo" when its initial is glued to the surname. */
export function writtenName(words: readonly string[], glued: boolean | undefined): string {
  return glued && opensWithInitial(words) ? words[0] + words.slice(1).join(" ") : words.join(" ");
}

/** The words of a name as `writtenName` writes it: "C.Ronaldo" is `C.`, `Ronaldo`. */
export function nameWords(name: string): string[] {
  const words = name.split(" ");
  const glued = /^(\p{Lu}\.)(\p{Lu}[\p{Ll}\p{M}].*)$/u.exec(words[0]);
  return glued ? [glued[1], glued[2], ...words.slice(1)] : words;
}
