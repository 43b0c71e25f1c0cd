// HTTP validators for search answers: an entity tag made of the index version and the
// normalised request, so a repeated URL (a shared link, a reload) is answered with 304
// while the index is unchanged, and any change to the index (a live update, a new
// analyzer or file format) gives every URL a new tag.
import { createHash } from "node:crypto";

/** What identifies the state of the searched index. */
export interface IndexVersion {
  format: number;
  analyzer: string;
  /**
   * The index's last commit (its time, as the saved manifest records it): every change to
   * the archive (a live update, a merge) is committed in the same synchronous step, and
   * every process serving the saved index applies the same commits.
   */
  commit: string;
}

/** Answers revalidate every time: stored, never reused without asking. */
export const REVALIDATE = "no-cache";

/**
 * A weak entity tag (the body may be compressed or not) over the index version and
 * `parts` (the normalised request, the day answers are relative to, the app build).
 */
export function entityTag(version: IndexVersion, parts: readonly string[]): string {
  return `W/"${tagHash(version, parts)}"`;
}

/** The opaque part of a tag: 128 bits of a hash over the version and `parts`. */
export function tagHash(version: IndexVersion, parts: readonly string[]): string {
  return createHash("sha256")
    .update(JSON.stringify([version.format, version.analyzer, version.commit, ...parts]))
    .digest("base64url")
    .slice(0, 22);
}

/**
 * One member of an If-None-Match list (RFC 9110 §8.8.3 and §5.6.1): an optional `W/`, then an
 * opaque tag of visible characters but `"` (Node hands header bytes over as latin1, so obs-text is
 * U+0080–U+00FF), then the list's comma or the end; spaces and empty members are allowed around.
 */
const LIST_MEMBER = /[ \t]*(?:(?:W\/)?"([\x21\x23-\x7E\x80-\xFF]*)")?[ \t]*(?:,|$)/y;

/**
 * The opaque tags of an If-None-Match header (weak or strong), or "*". A header that is not
 * `*` or a list of entity tags (`W/W/"x"`, an unquoted or unterminated tag, `*` in a list)
 * names no tag: it is ignored, so a malformed tag never matches.
 */
export function parseIfNoneMatch(header: string | null): string[] | "*" {
  if (!header) return [];
  if (header.trim() === "*") return "*";
  const tags: string[] = [];
  LIST_MEMBER.lastIndex = 0;
  while (LIST_MEMBER.lastIndex < header.length) {
    const at = LIST_MEMBER.lastIndex;
    const m = LIST_MEMBER.exec(header);
    if (!m || LIST_MEMBER.lastIndex === at) return [];
    if (m[1] !== undefined) tags.push(m[1]);
  }
  return tags;
}

/**
 * Whether a request with this If-None-Match already holds `etag` (weak comparison). `*` holds
 * any current representation (RFC 9110 §13.1.2): the caller asks only when it would answer 200.
 */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  const tags = parseIfNoneMatch(ifNoneMatch);
  if (tags === "*") return true;
  const opaque = /"([^"]*)"/.exec(etag)?.[1];
  return opaque !== undefined && tags.includes(opaque);
}

/** The tag of a search answer: the index version, the day answers count from, the request. */
export function searchTag(version: IndexVersion, today: string, kind: string, query: unknown): string {
  return entityTag(version, [kind, today, JSON.stringify(query)]);
}

/**
 * Pages carry a CSP nonce in their HTML, and a 304 makes the browser keep the HTML it holds
 * with the headers of the 304. So a page's tag carries the nonce its HTML was sent with
 * (`W/"<hash>.<nonce>"`), and a 304 repeats that nonce in its CSP: the browser's copy and
 * the policy agree, and no nonce is ever given to anyone who did not already hold it.
 */
export function pageTag(hash: string, nonce: string): string {
  return `W/"${hash}.${nonce}"`;
}

const NONCE = /^[A-Za-z0-9+/]{22}==$/;

/**
 * The nonce a 304 for the results page `hash` repeats, or null when the request holds no such
 * page: the nonce of the held page's tag; for `*` (any current page, RFC 9110 §13.1.2, as the
 * API answers it) a `fresh` one, since the client named no copy whose nonce could be repeated.
 */
export function heldNonce(ifNoneMatch: string | null, hash: string, fresh: () => string): string | null {
  const tags = parseIfNoneMatch(ifNoneMatch);
  if (tags === "*") return fresh();
  for (const t of tags) {
    const dot = t.indexOf(".");
    if (dot > 0 && t.slice(0, dot) === hash && NONCE.test(t.slice(dot + 1))) return t.slice(dot + 1);
  }
  return null;
}
