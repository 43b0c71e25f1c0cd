// Small text helpers shared by the cleaning modules. Kept independent of lib/text/analyzer
// so that ids (slugs) never change when the search analyzer changes.

/** NFC, non-breaking and repeated spaces collapsed, trimmed. */
export function tidy(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Lowercase, marks stripped, `đ` → `d`: for comparing and for ids. */
export function foldMarks(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** Stable id: `Vladimir Putin` → `vladimir-putin`, `Báo Thế giới & Việt Nam` → `bao-the-gioi-viet-nam`. */
export function slugify(text: string): string {
  return foldMarks(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A person's id: the slug, or, for a name with no Latin letter or digit (`Путин`, `习近平`), whose
 * slug would be empty (a link to `/people/` and a filter value the API refuses), `n-` and an
 * FNV-1a hash of its folded form: ASCII like every facet id, the same in every article.
 */
export function personSlug(text: string): string {
  const slug = slugify(text);
  if (slug) return slug;
  let hash = 0x811c9dc5;
  for (const ch of foldMarks(text).normalize("NFC")) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `n-${hash.toString(16).padStart(8, "0")}`;
}

/** Folded words, for near-duplicate comparisons. */
export function foldedWords(text: string): string[] {
  return foldMarks(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Similarity of two short lines (titles, headlines) in [0, 1]: Dice coefficient over folded
 * words, so a one-letter typo ("đặc phải viên") or a changed mark still counts as the same line.
 */
export function lineSimilarity(a: string, b: string): number {
  const wa = foldedWords(a);
  const wb = foldedWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Ends like a sentence (a lead or body paragraph), not like a headline. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;]["'”’»)]*$/u.test(text) || /\.{3}$/.test(text);
}
