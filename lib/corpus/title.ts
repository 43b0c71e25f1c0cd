// The article's title: the record's, the page's own, or one derived from the lead.
import { tidy } from "@/lib/corpus/text";

export const DERIVED_TITLE_MAX = 120;

/** The lead's first sentence, cut at a word boundary to at most DERIVED_TITLE_MAX chars with "…". */
export function deriveTitle(lead: string): string {
  const text = tidy(lead);
  // A sentence ends at . ! ? … followed by a space and an uppercase letter or a quote;
  // "TP. HCM" and "3.000" do not split because of the uppercase/space requirement.
  const end = /[.!?…](?=["”’)]*\s+["“‘(]?\p{Lu})/u.exec(text);
  let sentence = end ? text.slice(0, end.index + 1) : text;
  sentence = sentence.replace(/[.\s]+$/u, "");
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_MAX - 1);
  const space = cut.lastIndexOf(" ");
  const base = space > DERIVED_TITLE_MAX / 2 ? cut.slice(0, space) : cut;
  return base.replace(/[\s,;:–-]+$/u, "") + "…";
}
