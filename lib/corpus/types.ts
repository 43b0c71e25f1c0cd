/** A facet value: a stable id (used in URLs) and a display name. */
export interface Entity {
  id: string;
  name: string;
}

/** One article as read from a corpus file, before cleaning. */
export interface RawArticle {
  id: string;
  /** Corpus file the article came from, relative to CORPUS_DIR. */
  file: string;
  format: "txt" | "jsonl";
  /** The record's own title (jsonl); seed pages carry theirs inside `body`. */
  title: string | null;
  body: string;
  /** `YYYY-MM-DD` from the ` date` line or the record's `date` field. */
  date: string | null;
  outlet: string | null;
  url: string | null;
}

/** How a derived field was found, for `npm run ingest` and debugging. */
export interface Provenance {
  title: "page" | "record" | "derived";
  date: "metadata" | "text" | "none";
  /** e.g. "record", "url:vnexpress.net", "layout: <evidence>", "none" */
  outlet: string;
  paragraphsKept: number;
  paragraphsDropped: number;
}

/** A cleaned article: what the index, the API and the pages use. */
export interface Article {
  id: string;
  file: string;
  title: string;
  /** True when the title was derived from the lead, not read from the page. */
  titleDerived: boolean;
  date: string | null;
  dateEstimated: boolean;
  outlet: Entity | null;
  sources: Entity[];
  /** Agencies credited only for a photo or video ("Ảnh: Reuters"): not sources of the text. */
  photoCredits?: Entity[];
  persons: Entity[];
  /** The article's own text, page chrome and link lists removed. */
  paragraphs: string[];
  /**
   * Captions of the article's own photos: kept out of the text a reader sees, but
   * searchable (at a low weight), since they describe this article.
   */
  captions: string[];
  url: string | null;
  provenance: Provenance;
}

/** A corpus file or line that could not be used, reported by /api/health. */
export interface Skipped {
  source: string;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  skipped: Skipped[];
}
