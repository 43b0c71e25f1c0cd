// What a person types with the Vietnamese input method switched off, written
// independently of the decoder (lib/text/telex.ts) so the eval does not test it against itself.

const TONES: Record<string, [string, string]> = {
  "\u0301": ["s", "1"],
  "\u0300": ["f", "2"],
  "\u0309": ["r", "3"],
  "\u0303": ["x", "4"],
  "\u0323": ["j", "5"],
};
/** Quality marks: Telex doubles the vowel for a circumflex, types w for horn and breve. */
const QUALITY: Record<string, [string, string]> = {
  "\u0302": ["", "6"],
  "\u031b": ["w", "7"],
  "\u0306": ["w", "8"],
};

/**
 * One word as typed in Telex or VNI: each mark's key right after its letter, the tone key
 * after the letter that carries it, or at the end of the word (`toneAtEnd`, the usual way).
 */
export function typeWord(word: string, scheme: "telex" | "vni", toneAtEnd = true): string {
  const k = scheme === "telex" ? 0 : 1;
  const upper = word[0] !== undefined && word[0] !== word[0].toLowerCase();
  let out = "";
  let tone = "";
  // One letter with its marks at a time (NFD may order the tone before the quality mark).
  for (const letter of word
    .toLowerCase()
    .normalize("NFD")
    .match(/.\p{M}*/gu) ?? []) {
    const [base, ...marks] = letter;
    out += base === "đ" ? (scheme === "telex" ? "dd" : "d9") : base;
    for (const m of marks) if (m in QUALITY) out += QUALITY[m][k] || base;
    const t = marks.find((m) => m in TONES);
    if (t && toneAtEnd) tone = TONES[t][k];
    else if (t) out += TONES[t][k];
  }
  out += tone;
  return upper ? out[0].toUpperCase() + out.slice(1) : out;
}

/** Every word of a text typed in Telex or VNI (words without marks are typed as they are). */
export function typeText(text: string, scheme: "telex" | "vni"): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (w) => typeWord(w, scheme));
}
