// Turns a raw scraped article into a clean, indexable one: text without page chrome or
// lists of other stories, a title, a date, the outlet, cited sources and people.
// Every step records how it decided (Provenance), shown by `npm run ingest`.
import { cleanBody } from "@/lib/corpus/clean";
import { articleDate, type DateResult } from "@/lib/corpus/dates";
import { findOutlet } from "@/lib/corpus/outlets";
import { type Candidate, findCandidates, resolvePeople } from "@/lib/corpus/people";
import { findCitations } from "@/lib/corpus/sources";
import { tidy } from "@/lib/corpus/text";
import { deriveTitle } from "@/lib/corpus/title";
import type { Article, RawArticle } from "@/lib/corpus/types";

/** Extra detail for `npm run ingest`, not part of the Article. */
export interface PrepareDetail {
  dateEvidence: string | null;
  /** The date as the text gives it, with a yearless clue for the archive check. */
  date: DateResult;
  dropped: { text: string; reason: string }[];
  trimmed: string[];
  /** Name candidates of the title and text, for archive-wide person evidence (people-evidence.ts). */
  candidates: Candidate[];
}

/**
 * `today`: no date is estimated after this day (`YYYY-MM-DD`); default today in Vietnam.
 * `people: false` skips person extraction (no candidates, no persons), only to measure what it
 * costs (scripts/people-bench.ts --index); `people: "candidates"` finds the candidates but
 * leaves `persons` empty, for callers that decide them later (an index build decides them
 * with the archive's evidence, so deciding them here as well was wasted work).
 */
export function prepareArticleWithDetail(
  raw: RawArticle,
  today?: string,
  opts: { people?: boolean | "candidates" } = {},
): { article: Article; detail: PrepareDetail } {
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
  // Only text that dates the article itself: its dateline, its title, the opening of its lead.
  const date = articleDate(raw.date, { datelines: cleaned.datelines, title: titleHow === "derived" ? null : title, lead: paragraphs }, today);
  const lines = raw.body.split("\n").map(tidy).filter(Boolean);
  const outlet = findOutlet(raw, lines);
  const citations = findCitations([...paragraphs, ...cleaned.credits]);
  const people = opts.people !== false;
  const candidates = people ? findCandidates(ownText) : [];
  const article: Article = {
    id: raw.id,
    file: raw.file,
    title,
    titleDerived: titleHow === "derived",
    date: date.date,
    dateEstimated: date.estimated,
    outlet: outlet.outlet,
    sources: citations.sources,
    photoCredits: citations.photoCredits,
    persons: people && opts.people !== "candidates" ? resolvePeople(candidates) : [],
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
  return { article, detail: { dateEvidence: date.evidence, date, dropped: cleaned.dropped, trimmed: cleaned.trimmed, candidates } };
}

/** Turn a raw scraped article into a clean, indexable one. */
export function prepareArticle(raw: RawArticle, today?: string): Article {
  return prepareArticleWithDetail(raw, today).article;
}
