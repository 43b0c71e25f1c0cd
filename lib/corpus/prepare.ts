// Turns a raw scraped article into a clean, indexable one: text without page chrome or
// lists of other stories, a title, a date, the outlet, cited sources and people.
// Every step records how it decided (Provenance), shown by `npm run ingest`.
import { cleanBody } from "@/lib/corpus/clean";
import { articleDate } from "@/lib/corpus/dates";
import { findOutlet } from "@/lib/corpus/outlets";
import { findPeople } from "@/lib/corpus/people";
import { findSources } from "@/lib/corpus/sources";
import { tidy } from "@/lib/corpus/text";
import { deriveTitle } from "@/lib/corpus/title";
import type { Article, RawArticle } from "@/lib/corpus/types";

/** Extra detail for `npm run ingest`, not part of the Article. */
export interface PrepareDetail {
  dateEvidence: string | null;
  dropped: { text: string; reason: string }[];
  trimmed: string[];
}

export function prepareArticleWithDetail(raw: RawArticle): { article: Article; detail: PrepareDetail } {
  const recordTitle = raw.title ? tidy(raw.title) : null;
  const cleaned = cleanBody(raw.body, recordTitle);
  const { paragraphs } = cleaned;

  let title: string;
  let titleHow: Article["provenance"]["title"];
  if (recordTitle) {
    title = recordTitle;
    titleHow = "record";
  } else if (cleaned.pageTitle) {
    title = cleaned.pageTitle;
    titleHow = "page";
  } else {
    title = deriveTitle(paragraphs[0] ?? "");
    titleHow = "derived";
  }
  const ownText = titleHow === "derived" ? paragraphs : [title, ...paragraphs];
  // The page's own dateline, when it has one, says when it was published; else the text.
  const fromDateline = cleaned.datelines.length ? articleDate(raw.date, cleaned.datelines.join("\n")) : null;
  const date = fromDateline?.date ? fromDateline : articleDate(raw.date, ownText.join("\n"));
  const lines = raw.body.split("\n").map(tidy).filter(Boolean);
  const outlet = findOutlet(raw, lines);
  const article: Article = {
    id: raw.id,
    file: raw.file,
    title,
    titleDerived: titleHow === "derived",
    date: date.date,
    dateEstimated: date.estimated,
    outlet: outlet.outlet,
    sources: findSources([...paragraphs, ...cleaned.credits]),
    persons: findPeople(ownText),
    paragraphs,
    captions: cleaned.dropped.filter((d) => d.reason === "caption").map((d) => d.text),
    url: raw.url,
    provenance: {
      title: titleHow,
      date: date.how,
      outlet: outlet.how,
      paragraphsKept: paragraphs.length,
      paragraphsDropped: cleaned.dropped.length,
    },
  };
  return { article, detail: { dateEvidence: date.evidence, dropped: cleaned.dropped, trimmed: cleaned.trimmed } };
}

/** Turn a raw scraped article into a clean, indexable one. */
export function prepareArticle(raw: RawArticle): Article {
  return prepareArticleWithDetail(raw).article;
}
