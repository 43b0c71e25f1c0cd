/**
 * Whether a query has anything to search: a letter, a mark or a digit (what the analyzer's
 * `WORD` reads as a word; searchable.test.ts checks they agree). A query of punctuation or
 * emoji alone matches nothing, and the page says why. Kept apart from the analyzer so the
 * client does not load it.
 */
export const hasSearchableText = (q: string): boolean => /[\p{L}\p{M}\p{N}]/u.test(q);
