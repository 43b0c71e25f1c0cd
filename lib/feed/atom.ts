// An Atom 1.0 document (RFC 4287) for a search: newest matching articles first, so a
// feed reader can follow a search over time.
import type { SearchHit } from "@/lib/api/contract";

export interface AtomFeed {
  /** Absolute URL of this feed (`rel="self"`), also its stable id. */
  selfUrl: string;
  /** Absolute URL of the results page the feed follows. */
  pageUrl: string;
  title: string;
  /** Absolute URL of an article page. */
  articleUrl: (id: string) => string;
  hits: readonly SearchHit[];
  /** Used for `<updated>` when no hit has a date (an empty feed must still have one). */
  fallbackUpdated: string | null;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// Characters XML 1.0 forbids even escaped (control characters other than tab, LF, CR).
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text safe inside an XML element or a quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/**
 * An article date as an RFC 3339 timestamp: midnight in Vietnam, where the archive's
 * dates are reckoned. `null` stays null.
 */
export function atomDate(date: string | null): string | null {
  return date ? `${date}T00:00:00+07:00` : null;
}

const EPOCH = "1970-01-01T00:00:00Z";

/** The feed as an XML string. */
export function renderAtom(feed: AtomFeed): string {
  const dated = feed.hits.map((h) => atomDate(h.date)).filter((d): d is string => d !== null);
  const updated = dated.sort().at(-1) ?? atomDate(feed.fallbackUpdated) ?? EPOCH;
  const entries = feed.hits.map((hit) => renderEntry(hit, feed.articleUrl(hit.id), updated));
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">`,
    `  <id>${xmlEscape(feed.selfUrl)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>`,
    `  <author><name>Tìm tin</name></author>`,
    `  <generator>Tìm tin</generator>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}

function renderEntry(hit: SearchHit, url: string, feedUpdated: string): string {
  // An undated article carries the feed's date: Atom requires <updated> on every entry.
  const updated = atomDate(hit.date) ?? feedUpdated;
  const summary = hit.snippet.map((s) => s.text).join("");
  const lines = [
    `  <entry>`,
    `    <id>${xmlEscape(url)}</id>`,
    `    <title>${xmlEscape(hit.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
    `    <updated>${updated}</updated>`,
  ];
  if (hit.date) lines.push(`    <published>${updated}</published>`);
  if (hit.outlet) lines.push(`    <author><name>${xmlEscape(hit.outlet.name)}</name></author>`);
  for (const p of hit.persons) lines.push(`    <category term="${xmlEscape(p.id)}" label="${xmlEscape(p.name)}"/>`);
  if (summary) lines.push(`    <summary>${xmlEscape(summary)}</summary>`);
  lines.push(`  </entry>`);
  return lines.join("\n");
}
