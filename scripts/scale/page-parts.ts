// What a results page's HTML is made of, in bytes (scripts/scale/page-bytes.ts): the markup,
// the RSC payload Next.js writes into it for hydration (`self.__next_f.push([1, "…"])` scripts),
// and the search answer the page hands its client component (`initialJson`), by part.

/** Bytes of a string as UTF-8. */
export const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

export interface PageParts {
  /** The whole HTML document. */
  html: number;
  /** The HTML without its inline scripts (what a reader without JavaScript gets). */
  markup: number;
  /** The inline scripts as sent (the RSC payload escaped as string literals, and Next's bootstrap). */
  scripts: number;
  /** The RSC payload itself (the pushed strings, decoded). */
  rsc: number;
  /** The answer's JSON text inside the payload, or null when the page holds none. */
  answer: string | null;
}

const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
const PUSH = /self\.__next_f\.push\((\[1,"(?:[^"\\]|\\.)*"\])\)/g;

/** The RSC payload of a page: the strings its inline scripts push, in order. */
export function rscPayload(html: string): string {
  let out = "";
  for (const m of html.matchAll(PUSH)) out += (JSON.parse(m[1]) as [number, string])[1];
  return out;
}

/** React's `useId` ids (`_R_…_`, from the component's place in the tree). */
const REACT_ID = /_R_[0-9A-Za-z]+_/g;

/**
 * What a reader sees of a page, to compare two builds: the markup without its scripts and
 * nonces (both differ on every request), and React's `useId` ids numbered in order of first
 * appearance, since they change with the component tree's shape while the same id still ties a
 * box to its list (`aria-controls`): the wiring is compared, not the spelling.
 */
export function comparableMarkup(html: string): string {
  const ids = new Map<string, string>();
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/ nonce="[^"]*"/g, "")
    .replace(REACT_ID, (id) => {
      if (!ids.has(id)) ids.set(id, `_R${ids.size}_`);
      return ids.get(id)!;
    });
}

/**
 * A whole page (scripts and payload included) as it would be for any request of its URL: the
 * response's CSP nonce and request id replaced by placeholders, the answer's `tookMs` (as the
 * payload escapes it, spaces after it included) left out, and the lengths of the payload's text
 * rows too (a `tookMs` of another length changes its row's length). Two renders of one page by
 * one build, or a kept page and a render (lib/http/kept-pages.ts), compare equal.
 */
export function comparableHtml(html: string, response: { nonce: string; requestId: string }): string {
  return html
    .split(response.nonce)
    .join("{nonce}")
    .split(response.requestId)
    .join("{request-id}")
    .replace(/,(\\*)"tookMs\1":-?[\d.eE+-]+ */g, ',$1"tookMs$1":{took}')
    .replace(/([0-9a-f]+):T[0-9a-f]+,/g, "$1:T{length},");
}

/** Split a page into markup, inline scripts and RSC payload, and find the answer in the payload. */
export function pageParts(html: string): PageParts {
  let scripts = 0;
  for (const m of html.matchAll(INLINE_SCRIPT)) scripts += utf8Bytes(m[1]);
  const rsc = rscPayload(html);
  return { html: utf8Bytes(html), markup: utf8Bytes(html) - scripts, scripts, rsc: utf8Bytes(rsc), answer: propText(rsc, "initialJson") };
}

/**
 * A string prop of a client component in an RSC payload: written in place (`"name":"…"`), or,
 * when long, as a reference (`"name":"$1f"`) to a text row `1f:T<byte length in hex>,<text>`.
 */
export function propText(rsc: string, name: string): string | null {
  const at = rsc.indexOf(`"${name}":"`);
  if (at < 0) return null;
  const open = at + name.length + 3; // the value's opening quote
  let end = open + 1;
  while (rsc[end] !== '"') end += rsc[end] === "\\" ? 2 : 1;
  const value = JSON.parse(rsc.slice(open, end + 1)) as string;
  const ref = /^\$([0-9a-f]+)$/.exec(value);
  if (!ref) return value;
  const row = new RegExp(`(?:^|\\n)${ref[1]}:T([0-9a-f]+),`).exec(rsc);
  if (!row) return null;
  const bytes = Buffer.from(rsc.slice(row.index + row[0].length), "utf8");
  return bytes.subarray(0, parseInt(row[1], 16)).toString("utf8");
}

/** Bytes of each part of a search answer's JSON (`hits.snippet`: the snippets of every hit, …). */
export function answerParts(json: string): Record<string, number> {
  const answer = JSON.parse(json) as Record<string, unknown>;
  const size = (v: unknown) => (v === undefined ? 0 : utf8Bytes(JSON.stringify(v)));
  const out: Record<string, number> = { whole: utf8Bytes(json) };
  const hits = (answer.hits ?? []) as Record<string, unknown>[];
  out.hits = size(hits);
  for (const field of ["snippet", "titleSegments", "story", "persons", "sources"]) out[`hits.${field}`] = hits.reduce((n, h) => n + size(h[field]), 0);
  const facets = (answer.facets ?? {}) as Record<string, unknown>;
  out.facets = size(facets);
  for (const [name, v] of Object.entries(facets)) out[`facets.${name}`] = size(v);
  return out;
}
