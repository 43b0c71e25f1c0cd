// Headings and relative links of a markdown file, to check that the docs' links resolve
// (scripts/docs-links.test.ts). Anchors follow GitHub's heading slugs (github-slugger: lower
// case, punctuation dropped, spaces as hyphens, "-1", "-2" for repeated headings).
import GithubSlugger from "github-slugger";

export interface MarkdownLink {
  /** 1-based line of the link. */
  line: number;
  /** The path part, "" for a link to a heading of the same file. */
  path: string;
  /** The anchor without "#", "" when none. */
  anchor: string;
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split("\n").forEach((line, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return;
    }
    if (fence === null) out.push({ line: i + 1, text: line });
  });
  return out;
}

/** A heading's text as GitHub renders it: code, emphasis and link syntax removed. */
function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .replace(/\*\*|__/g, "")
    .trim();
}

/** A file's headings with their anchors, in order (a repeated heading gets "-1", "-2"…). */
export function headings(text: string): { line: number; slug: string }[] {
  const slugger = new GithubSlugger();
  const out: { line: number; slug: string }[] = [];
  for (const { line, text: prose } of proseLines(text)) {
    const m = /^ {0,3}#{1,6}\s+(.*)$/.exec(prose);
    if (m) out.push({ line, slug: slugger.slug(headingText(m[1])) });
  }
  return out;
}

/** Inline links `[text](target)` and `![alt](target)` that are relative (no scheme). */
export function relativeLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text: prose } of proseLines(text)) {
    // Inline code is not a link.
    const visible = prose.replace(/`[^`]*`/g, "");
    for (const m of visible.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const hash = target.indexOf("#");
      const path = hash < 0 ? target : target.slice(0, hash);
      const anchor = hash < 0 ? "" : target.slice(hash + 1);
      links.push({ line, path: decodeURIComponent(path), anchor: decodeURIComponent(anchor) });
    }
  }
  return links;
}
