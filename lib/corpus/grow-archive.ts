// The articles of a generated scale archive, grown from a real corpus so that they look like it:
// each generated article copies the shape of one real article (its number of paragraphs and each
// paragraph's length, to a quarter octave) and fills it with paragraphs drawn from the whole
// corpus at those lengths; its title is a real title; dates run through a span in id order, as an
// archive publishes them. Pure and deterministic: the same corpus, seed and size give the same
// articles (scripts/scale/generate.ts writes them; docs/history/performance-log.md says why it matters).

export interface SourceArticle {
  title?: string;
  body?: string;
}

export interface GeneratedArticle {
  id: string;
  title: string;
  body: string;
  date: string;
}

/** Quarter-octave length classes: a paragraph of n characters stands for one of 19% around n. */
export const lengthClass = (length: number): number => Math.floor(4 * Math.log2(Math.max(1, length)));

const paragraphsOf = (body: string | undefined): string[] =>
  (body ?? "")
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean);

/** The corpus read once: its titles, each article's paragraph lengths, and its paragraphs by length class. */
export class ArchiveSeed {
  readonly titles: string[] = [];
  readonly shapes: number[][] = [];
  private readonly byClass = new Map<number, string[]>();
  private classes: number[] = [];

  add(article: SourceArticle): void {
    if (article.title?.trim()) this.titles.push(article.title.trim());
    const paragraphs = paragraphsOf(article.body);
    if (!paragraphs.length) return;
    this.shapes.push(paragraphs.map((p) => p.length));
    for (const p of paragraphs) {
      const c = lengthClass(p.length);
      const list = this.byClass.get(c);
      if (list) list.push(p);
      else this.byClass.set(c, [p]);
    }
    this.classes = [];
  }

  get paragraphCount(): number {
    let n = 0;
    for (const list of this.byClass.values()) n += list.length;
    return n;
  }

  /** A corpus paragraph of `length`'s class (every class drawn from has one: it came from a shape). */
  paragraphNear(length: number, rand: () => number): string {
    const list = this.byClass.get(lengthClass(length)) ?? this.byClass.get(this.nearestClass(lengthClass(length)))!;
    return list[Math.floor(rand() * list.length)];
  }

  private nearestClass(c: number): number {
    if (!this.classes.length) this.classes = [...this.byClass.keys()].sort((a, b) => a - b);
    return this.classes.reduce((best, x) => (Math.abs(x - c) < Math.abs(best - c) ? x : best));
  }
}

export interface GrowOptions {
  size: number;
  rand: () => number;
  /** First and last day of the archive (YYYY-MM-DD), spread evenly over the ids. */
  from?: string;
  to?: string;
}

/** The generated articles, one at a time (a million do not need to be held at once). */
export function* growArchive(seed: ArchiveSeed, { size, rand, from = "2015-01-01", to = "2025-12-31" }: GrowOptions): Generator<GeneratedArticle> {
  if (!seed.shapes.length || !seed.titles.length) throw new Error("the corpus has no article with a title and a body");
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Date.parse(`${to}T00:00:00Z`) - start;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < size; i++) {
    const shape = pick(seed.shapes);
    const body = shape.map((length) => seed.paragraphNear(length, rand)).join("\n");
    const date = new Date(start + Math.floor((span * i) / size)).toISOString().slice(0, 10);
    yield { id: `gen-${String(i).padStart(7, "0")}`, title: pick(seed.titles), body, date };
  }
}
