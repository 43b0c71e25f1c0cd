// PLACEHOLDER (skeleton): issue 4 replaces the cleaning, dates, outlets, sources and people.
// Keep `prepareArticle`: lib/corpus/load.ts calls it for every raw article.
import type { Article, RawArticle } from "@/lib/corpus/types";

/** Turn a raw scraped article into a clean, indexable one. */
export function prepareArticle(raw: RawArticle): Article {
  const paragraphs = raw.body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const title = raw.title?.trim() || deriveTitle(paragraphs[0] ?? "");
  return {
    id: raw.id,
    file: raw.file,
    title,
    titleDerived: !raw.title,
    date: raw.date,
    dateEstimated: false,
    outlet: raw.outlet ? { id: raw.outlet.toLowerCase().replace(/\W+/g, "-"), name: raw.outlet } : null,
    sources: [],
    persons: [],
    paragraphs,
    url: raw.url,
    provenance: {
      title: raw.title ? (raw.format === "txt" ? "page" : "record") : "derived",
      date: raw.date ? "metadata" : "none",
      outlet: raw.outlet ? "record" : "none",
      paragraphsKept: paragraphs.length,
      paragraphsDropped: 0,
    },
  };
}

function deriveTitle(lead: string): string {
  const sentence = lead.split(/(?<=[.!?])\s/)[0] ?? lead;
  if (sentence.length <= 120) return sentence;
  const cut = sentence.slice(0, 120);
  return cut.slice(0, cut.lastIndexOf(" ")) + "…";
}
