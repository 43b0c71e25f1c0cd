// A derived title (an article with no headline) is its lead's first sentence. The snippet
// under it should not say the same sentence again, so snippets read the text after it.
import type { Article } from "@/lib/corpus/types";

const ELLIPSIS = "…";

/**
 * The article's paragraphs without the sentence its derived title repeats. A title cut
 * short ("…") leaves the rest of its sentence, opened with "…", to continue from it.
 * Articles with a real title, or with nothing after the title, keep every paragraph.
 */
export function textAfterTitle(article: Pick<Article, "title" | "titleDerived" | "paragraphs">): string[] {
  const [lead, ...rest] = article.paragraphs;
  if (!article.titleDerived || lead === undefined) return article.paragraphs;
  const cut = article.title.endsWith(ELLIPSIS);
  const core = cut ? article.title.slice(0, -ELLIPSIS.length) : article.title;
  if (!core || !lead.startsWith(core)) return article.paragraphs;
  const after = lead.slice(core.length).replace(/^[\s.!?…]+/u, "");
  const paragraphs = after ? [cut ? `${ELLIPSIS} ${after}` : after, ...rest] : rest;
  return paragraphs.length ? paragraphs : article.paragraphs;
}
