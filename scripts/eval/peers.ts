// The two peer engines of the judged eval, each with a Vietnamese term processor
// (NFC, lowercase, marks stripped, đ → d) on both the index and the query side.
import { Document } from "flexsearch";
import MiniSearch from "minisearch";
import type { Article } from "@/lib/corpus/types";

/** NFC, lowercase, every mark stripped, đ → d. */
export function viFold(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

function viTerms(text: string): string[] {
  return viFold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type Engine = (q: string) => string[];

/** MiniSearch 7 with folding on both sides and a title boost of 2 (its documented option). */
export function miniSearchVi(articles: Article[]): Engine {
  const mini = new MiniSearch<{ id: string; title: string; body: string }>({
    fields: ["title", "body"],
    processTerm: (t) => viFold(t) || null,
    searchOptions: { boost: { title: 2 } },
  });
  mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: [...a.paragraphs, ...a.captions].join("\n") })));
  return (q) =>
    mini
      .search(q)
      .slice(0, 10)
      .map((r) => String(r.id));
}

/**
 * FlexSearch 0.8 Document (title, body) with the same folding; its multi-word query
 * needs every word in one field; title matches are listed before body-only ones.
 */
export function flexSearchVi(articles: Article[]): Engine {
  const doc = new Document<{ id: string; title: string; body: string }>({
    document: {
      id: "id",
      index: [
        { field: "title", encode: viTerms, tokenize: "strict" },
        { field: "body", encode: viTerms, tokenize: "strict" },
      ],
    },
  });
  for (const a of articles) doc.add({ id: a.id, title: a.title, body: [...a.paragraphs, ...a.captions].join("\n") });
  return (q) => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const field of ["title", "body"] as const) {
      const res = doc.search(q, { index: field, limit: 10 }) as unknown as { field: string; result: (string | number)[] }[];
      for (const r of res) {
        for (const id of r.result) {
          const s = String(id);
          if (!seen.has(s)) {
            seen.add(s);
            out.push(s);
          }
        }
      }
    }
    return out.slice(0, 10);
  };
}
