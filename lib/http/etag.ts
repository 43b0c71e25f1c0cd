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

/** The tags of an If-None-Match header (weak or strong), or "*". */
export function parseIfNoneMatch(header: string | null): string[] | "*" {
  if (!header) return [];
  if (header.trim() === "*") return "*";
  return [...header.matchAll(/(?:W\/)?"([^"]*)"/g)].map((m) => m[1]);
}

/** Whether a request with this If-None-Match already holds `etag` (weak comparison). */
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

/** The nonce of a held page tag for `hash`, or null when the client holds no such page. */
export function heldNonce(ifNoneMatch: string | null, hash: string): string | null {
  const tags = parseIfNoneMatch(ifNoneMatch);
  if (tags === "*") return null;
  for (const t of tags) {
    const dot = t.indexOf(".");
    if (dot > 0 && t.slice(0, dot) === hash && NONCE.test(t.slice(dot + 1))) return t.slice(dot + 1);
  }
  return null;
}
