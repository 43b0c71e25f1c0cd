// A corpus file's articles as the person benchmarks read them (people-candidates-bench.ts,
// people-alloc.ts): each line's raw article, cleaned by this tree's `prepareArticle`, and the
// texts the build hands to `findCandidates`. Articles the build would not index are left out.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { prepareArticle } from "@/lib/corpus/prepare";
import type { Article, RawArticle } from "@/lib/corpus/types";

/** One day for every run: dates are estimated no later than this, the same for every tree. */
export const TODAY = "2026-11-27";

export function benchArticles(file: string): { raws: RawArticle[]; articles: Article[]; texts: string[][] } {
  const raws: RawArticle[] = [];
  const articles: Article[] = [];
  const texts: string[][] = [];
  const raw = readFileSync(file);
  for (const line of (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string | number; title?: string; body: string; date?: string; outlet?: string; url?: string };
    const rawArticle: RawArticle = {
      id: String(r.id),
      file: "bench.jsonl",
      format: "jsonl",
      title: r.title ?? null,
      body: r.body,
      date: r.date ?? null,
      outlet: r.outlet ?? null,
      url: r.url ?? null,
    };
    try {
      const a = prepareArticle(rawArticle, TODAY);
      raws.push(rawArticle);
      articles.push(a);
      texts.push(a.titleDerived ? a.paragraphs : [a.title, ...a.paragraphs]);
    } catch {
      // not indexed either
    }
  }
  return { raws, articles, texts };
}
