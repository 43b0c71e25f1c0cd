// One builder for the small articles of unit tests: a cleaned Article with neutral
// defaults, so each test names only the fields it is about.
import type { Article, Entity } from "@/lib/corpus/types";

/** A person, outlet or source called `name`, with a readable id (lowercase, dashes). */
export const entity = (name: string): Entity => ({ id: name.toLowerCase().replace(/ /g, "-"), name });

export interface ArticleFields {
  id: string;
  title?: string;
  paragraphs?: string[];
  date?: string | null;
  outlet?: string | null;
  persons?: string[];
  sources?: string[];
  url?: string | null;
}

export function testArticle({
  id,
  title = `Bài ${id}`,
  paragraphs = [`Nội dung ${id}.`],
  date = null,
  outlet = null,
  persons = [],
  sources = [],
  url = null,
}: ArticleFields): Article {
  return {
    id,
    file: `${id}.txt`,
    title,
    titleDerived: false,
    date,
    dateEstimated: false,
    outlet: outlet ? entity(outlet) : null,
    sources: sources.map(entity),
    persons: persons.map(entity),
    paragraphs,
    captions: [],
    url,
    provenance: {
      title: "record",
      date: date ? "metadata" : "none",
      outlet: outlet ? "record" : "none",
      paragraphsKept: paragraphs.length,
      paragraphsDropped: 0,
    },
  };
}
