// A rendered results page as a template: its bytes cut at the three things that differ from one
// request of the same URL to the next (http21, docs/history/performance-log.md): the CSP nonce
// (in the HTML's nonce attributes), the request id (a prop of the layout, in the RSC payload)
// and the answer's `tookMs` (in the RSC payload's copy of the answer). Filling the cuts with a
// new request's values gives what rendering the page again for that request would give, without
// React's render, Next's streams and the payload.
//
// The cuts are found by their text, so each must be text that cannot occur by chance: the nonce
// and the request id are 128-bit random values made for the request that rendered the page
// (never a client's), and `tookMs` is a key of the answer's JSON, named nowhere else in the page.

/** What a template's cut holds. */
export type CutKind = "nonce" | "requestId" | "took";

/** A template: `parts.length === cuts.length + 1`, a cut between each two parts. */
export interface PageTemplate {
  parts: Buffer[];
  cuts: CutKind[];
  /** Characters the `tookMs` cut spans (its value as rendered): a new value is written in as many. */
  tookWidth: number;
  /** Bytes held (the parts). */
  bytes: number;
}

/** The values one response puts in the cuts. */
export interface CutValues {
  nonce: string;
  requestId: string;
  tookMs: number;
}

/**
 * The answer's `tookMs` as it is in the HTML: the answer's JSON (a `,"tookMs":` key) is a string
 * in an inline script, so its quotes are escaped once more (`\"`: a text row of the payload), or
 * twice (`\\\"`: a short answer written in place, as a string of a JSON row). The answer always
 * has the key, so a page that names `tookMs` once names it there (`pageTemplate` counts).
 */
const TOOK = /,(\\*)"tookMs\1":(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/**
 * The template of a page rendered with `rendered`'s nonce and request id, or null when the page
 * cannot be cut safely: the tokens are too short to be unique, or `tookMs` is named in the page
 * other than as the one key found.
 */
export function pageTemplate(html: string, rendered: { nonce: string; requestId: string }): PageTemplate | null {
  if (rendered.nonce.length < 16 || rendered.requestId.length < 16 || rendered.nonce === rendered.requestId) return null;
  const found: { at: number; end: number; kind: CutKind }[] = [];
  for (const [kind, token] of [
    ["nonce", rendered.nonce],
    ["requestId", rendered.requestId],
  ] as const) {
    for (let at = html.indexOf(token); at >= 0; at = html.indexOf(token, at + token.length)) found.push({ at, end: at + token.length, kind });
  }
  const tooks = [...html.matchAll(TOOK)];
  if (tooks.length > 1 || countOf(html, "tookMs") !== tooks.length) return null;
  let tookWidth = 0;
  for (const m of tooks) {
    tookWidth = m[2].length;
    const at = m.index + m[0].length - tookWidth;
    found.push({ at, end: at + tookWidth, kind: "took" });
  }
  found.sort((a, b) => a.at - b.at);
  for (let i = 1; i < found.length; i++) if (found[i].at < found[i - 1].end) return null;
  const parts: Buffer[] = [];
  let from = 0;
  for (const f of found) {
    parts.push(Buffer.from(html.slice(from, f.at)));
    from = f.end;
  }
  parts.push(Buffer.from(html.slice(from)));
  return { parts, cuts: found.map((f) => f.kind), tookWidth, bytes: parts.reduce((n, p) => n + p.length, 0) };
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/**
 * `tookMs` as the engine rounds it (hundredths), written in exactly `width` characters: with
 * fewer decimals when it is longer, followed by spaces when shorter (JSON allows spaces after a
 * number, and the payload counts the answer's text in bytes, so its length must not change).
 * Null when even the whole number does not fit.
 */
export function tookText(tookMs: number, width: number): string | null {
  for (const scale of [100, 10, 1]) {
    const text = JSON.stringify(Math.round(tookMs * scale) / scale);
    if (text.length <= width) return text.padEnd(width, " ");
  }
  return null;
}

/** The page for a new response: the template's parts with `values` in its cuts (null: `tookMs` does not fit). */
export function fillTemplate(template: PageTemplate, values: CutValues): Buffer | null {
  const took = template.cuts.includes("took") ? tookText(values.tookMs, template.tookWidth) : "";
  if (took === null) return null;
  const nonce = Buffer.from(values.nonce);
  const requestId = Buffer.from(values.requestId);
  const tookBytes = Buffer.from(took);
  const chunks: Buffer[] = [template.parts[0]];
  template.cuts.forEach((kind, i) => {
    chunks.push(kind === "nonce" ? nonce : kind === "requestId" ? requestId : tookBytes, template.parts[i + 1]);
  });
  return Buffer.concat(chunks);
}
