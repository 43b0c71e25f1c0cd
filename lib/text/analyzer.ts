// PLACEHOLDER (skeleton): issue 3 replaces this with the full Vietnamese analyzer.
// Keep the exported names and shapes: indexing, querying and highlighting all use them.

/** A token with its offsets in the original text. */
export interface Token {
  /** The token as written in the original text: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Normalised form: NFC, lowercase, canonical tone placement. */
  term: string;
  /** `term` without marks, `đ` → `d`. */
  folded: string;
}

/** NFC, lowercase (placeholder: no tone-placement canonicalisation yet). */
export function normalize(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** Strip every mark; `đ` → `d`. */
export function fold(text: string): string {
  return normalize(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

/** Split text into word tokens, keeping offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const start = m.index ?? 0;
    const term = normalize(m[0]);
    tokens.push({ text: m[0], start, end: start + m[0].length, term, folded: fold(term) });
  }
  return tokens;
}
