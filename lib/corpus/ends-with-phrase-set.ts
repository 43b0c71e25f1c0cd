// Whether a text ends with one of a set of phrases as a whole word sequence: the text is the
// phrase, or ends with a space and the phrase. Written for the person rules' context reads
// ("tiền đạo Martial": does the text before the name end with a player's role?), which ask it of
// every candidate of every article: looping over the phrases and building `" " + phrase` for each
// was a tenth of resolving's CPU, so this takes the text's last one, two, … words (as many as the
// longest phrase has) and looks each up in a set.

/** `(text) => phrases.some((p) => text === p || text.endsWith(" " + p))`, by set look-ups. */
export function endsWithPhraseSet(phrases: readonly string[]): (text: string) => boolean {
  for (const p of phrases) {
    // The look-up splits the text at single spaces: a phrase with any other spacing would never match.
    if (!p || p.startsWith(" ") || p.endsWith(" ") || p.includes("  "))
      throw new Error(`endsWithPhraseSet: phrase ${JSON.stringify(p)} is not words joined by single spaces`);
  }
  const set = new Set(phrases);
  const most = Math.max(0, ...phrases.map((p) => p.split(" ").length));
  return (text) => {
    // The text's last k words (k = 1, 2, …): what follows its k-th space from the end, or the whole
    // text when it has fewer spaces. No phrase starts with a space, so a suffix that does (the
    // text's first character is a space) ends the search.
    let space = text.length;
    for (let k = 1; k <= most; k++) {
      space = space > 0 ? text.lastIndexOf(" ", space - 1) : -1;
      if (set.has(text.slice(space + 1))) return true;
      if (space <= 0) return false;
    }
    return false;
  };
}
