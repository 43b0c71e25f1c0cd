import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar";
import { checkDates } from "@/lib/corpus/date-check";
import { todayInVietnam, type DateResult } from "@/lib/corpus/dates";
import { prepareArticleWithDetail } from "@/lib/corpus/prepare";
import type { Article, Corpus, RawArticle, Skipped } from "@/lib/corpus/types";

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/;

/** One jsonl record, as the contract describes it. Extra fields are ignored. */
const recordSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  title: z.string().nullish(),
  body: z.string(),
  date: z.string().nullish(),
  outlet: z.string().nullish(),
  url: z.string().nullish(),
});

export interface RawCorpus {
  raws: RawArticle[];
  skipped: Skipped[];
}

/** The corpus files under `dir` (recursively), in a stable order. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(txt|jsonl|jsonl\.gz)$/i.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Read every corpus file; unreadable files and lines are skipped and reported. */
export async function readRawArticles(dir: string): Promise<RawCorpus> {
  const raws: RawArticle[] = [];
  const skipped: Skipped[] = [];
  let files: string[];
  try {
    files = await listCorpusFiles(dir);
  } catch (error) {
    return { raws, skipped: [{ source: dir, reason: `cannot read corpus directory: ${message(error)}` }] };
  }
  for (const file of files) {
    const full = path.join(dir, file);
    try {
      if (/\.txt$/i.test(file)) raws.push(parseSeedFile(file, await readFile(full, "utf8")));
      else await readJsonl(full, file, raws, skipped);
    } catch (error) {
      // A stream can fail part-way (a truncated .gz): the lines read before it are served.
      const served = raws.filter((r) => r.file === file).length;
      const tail = served ? ` (the ${served} articles before the error are served)` : "";
      skipped.push({ source: file, reason: `unreadable file: ${message(error)}${tail}` });
    }
  }
  return { raws, skipped };
}

/** A seed page: an optional ` date YYYY-MM-DD` prefix, then the scraped text. */
export function parseSeedFile(file: string, content: string): RawArticle {
  if (content.includes("\u0000")) throw new Error("binary content");
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const dateLine = DATE_LINE.exec(text);
  const date = dateLine && isCalendarDate(dateLine[1]) ? dateLine[1] : null;
  return {
    id: path.basename(file).replace(/\.txt$/i, ""),
    file,
    format: "txt",
    title: null,
    body: dateLine ? text.slice(dateLine[0].length) : text,
    date,
    outlet: null,
    url: null,
  };
}

async function readJsonl(full: string, file: string, raws: RawArticle[], skipped: Skipped[]) {
  let input: NodeJS.ReadableStream = createReadStream(full);
  if (/\.gz$/i.test(file)) input = input.pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const raw = parseRecord(line, file, lineNo);
    if ("reason" in raw) skipped.push(raw);
    else raws.push(raw);
  }
}

/** One jsonl line → a raw article, or the reason it cannot be used. */
export function parseRecord(line: string, file: string, lineNo: number): RawArticle | Skipped {
  const source = `${file}:${lineNo}`;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { source, reason: "not valid JSON" };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { source, reason: `invalid record: ${issue.path.join(".") || "record"}: ${issue.message}` };
  }
  const r = parsed.data;
  const date = r.date && isCalendarDate(r.date.trim()) ? r.date.trim() : null;
  return {
    id: r.id,
    file,
    format: "jsonl",
    title: r.title?.trim() || null,
    body: r.body.replace(/\r\n?/g, "\n"),
    date,
    outlet: r.outlet?.trim() || null,
    url: r.url?.trim() || null,
  };
}

/**
 * Clean every raw article; duplicate ids and empty articles are reported, not indexed.
 * Estimated dates are then checked against the archive around them (see date-check.ts).
 */
export function buildCorpus({ raws, skipped }: RawCorpus, today: string = todayInVietnam()): Corpus {
  const articles: Article[] = [];
  const dates: DateResult[] = [];
  const report = [...skipped];
  const seen = new Set<string>();
  for (const raw of raws) {
    const where = raw.format === "txt" ? raw.file : `${raw.file} (id ${raw.id})`;
    if (seen.has(raw.id)) {
      report.push({ source: where, reason: `duplicate id "${raw.id}": the first article with this id is kept` });
      continue;
    }
    let article: Article;
    let date: DateResult;
    try {
      ({ article, detail: { date } } = prepareArticleWithDetail(raw, today));
    } catch (error) {
      report.push({ source: where, reason: `could not be cleaned: ${message(error)}` });
      continue;
    }
    if (article.paragraphs.length === 0) {
      report.push({ source: where, reason: "empty article: no text left after cleaning" });
      continue;
    }
    seen.add(raw.id);
    articles.push(article);
    dates.push(date);
  }
  return { articles: withCheckedDates(articles, dates, today), skipped: report };
}

/** The articles with their estimated dates checked against their archive neighbours. */
export function withCheckedDates(articles: Article[], dates: readonly DateResult[], today: string): Article[] {
  const checked = checkDates(
    articles.map((a, order) => ({
      id: a.id,
      order,
      // A jsonl file is one archive; a directory of pages is another.
      source: /\.txt$/i.test(a.file) ? `dir:${path.dirname(a.file)}` : a.file,
      date: a.date,
      metadata: a.provenance.date === "metadata",
      clue: dates[order].clue,
    })),
    { today },
  );
  return articles.map((a) => {
    const date = checked.get(a.id)?.date ?? null;
    if (date === a.date) return a;
    return { ...a, date, dateEstimated: date !== null, provenance: { ...a.provenance, date: date ? "text" : "none" } };
  });
}

export async function loadCorpus(dir: string): Promise<Corpus> {
  return buildCorpus(await readRawArticles(dir));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
