import { lstat, open, readdir, realpath, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar";
import { checkDates } from "@/lib/corpus/date-check";
import { todayInVietnam, type DateResult } from "@/lib/corpus/dates";
import { type Candidate, candidatesToResolve, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";
import { prepareArticleWithDetail } from "@/lib/corpus/prepare";
import type { Article, Corpus, RawArticle, Skipped } from "@/lib/corpus/types";

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/;

/**
 * The largest article (a .txt file or one jsonl line) we read, in bytes. Real news articles
 * are far smaller (the 35k corpus's longest line is 50 KB); a bigger one is skipped with
 * its size, and is never held in memory whole.
 */
export const MAX_ARTICLE_BYTES = 2 * 2 ** 20;

/** Past this many bad lines in one file, the rest are counted, not listed one by one. */
export const MAX_LINE_REPORTS = 100;

export interface ReadOptions {
  maxArticleBytes?: number;
  /**
   * Read a .jsonl(.gz) file only up to this byte (its size when it was looked at), so lines
   * appended while a long read runs are left for the next update rather than read twice.
   */
  endByte?: number;
}

/** One jsonl record, as the contract describes it. Extra fields are ignored. */
const recordSchema = z.object({
  id: z.union([z.string().trim().min(1).max(500), z.number()]).transform(String),
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

const CORPUS_FILE = /\.(txt|jsonl|jsonl\.gz)$/i;

/**
 * The corpus files under `dir` (recursively), in a stable order. Symbolic links are listed
 * (readCorpusFile follows one only when it stays inside `dir`); linked directories are not
 * descended into.
 */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && CORPUS_FILE.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Read every corpus file; unreadable files and lines are skipped and reported. */
export async function readRawArticles(dir: string, options: ReadOptions = {}): Promise<RawCorpus> {
  const raws: RawArticle[] = [];
  const skipped: Skipped[] = [];
  let files: string[];
  try {
    files = await listCorpusFiles(dir);
  } catch (error) {
    return { raws, skipped: [{ source: dir, reason: `cannot read corpus directory: ${message(error)}` }] };
  }
  for (const file of files) {
    const one = await readCorpusFile(dir, file, options);
    for (const r of one.raws) raws.push(r);
    for (const s of one.skipped) skipped.push(s);
  }
  return { raws, skipped };
}

/**
 * One corpus file (`file` relative to `dir`): its articles, and what was skipped with the
 * reason. Never throws: a file that is unreadable, outside `dir` through a link, too large,
 * binary, not UTF-8, not gzip, cut short or gone is reported; the articles read before a
 * failure part-way are kept.
 */
export async function readCorpusFile(dir: string, file: string, options: ReadOptions = {}): Promise<RawCorpus> {
  const raws: RawArticle[] = [];
  const skipped: Skipped[] = [];
  for await (const r of streamCorpusFile(dir, file, options)) {
    if ("raw" in r) raws.push(r.raw);
    else skipped.push(r.skipped);
  }
  return { raws, skipped };
}

/**
 * readCorpusFile as a stream: each article as it is read, each skip when found (in the
 * same order as readCorpusFile's lists), so a large file is never held whole in memory.
 */
export async function* streamCorpusFile(dir: string, file: string, options: ReadOptions = {}): AsyncGenerator<{ raw: RawArticle } | { skipped: Skipped }> {
  const maxBytes = options.maxArticleBytes ?? MAX_ARTICLE_BYTES;
  let served = 0;
  try {
    const real = await resolveInside(dir, file);
    // Checked before opening: opening a FIFO or a device could block or never end.
    if (!(await stat(real)).isFile()) throw new CorpusFault("not a regular file");
    const handle = await open(real, "r");
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new CorpusFault("not a regular file");
      if (/\.txt$/i.test(file)) {
        const raw = parseSeedFile(file, await readSeedText(handle, info.size, maxBytes));
        served++;
        yield { raw };
      } else {
        for await (const r of readJsonl(handle, file, maxBytes, options.endByte)) {
          if ("raw" in r) served++;
          yield r;
        }
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    // A stream can fail part-way (a truncated .gz): the lines read before it are served.
    const tail = served ? ` (the ${served} articles before the error are served)` : "";
    const what = error instanceof CorpusFault ? error.message : `unreadable file: ${describeIoError(error)}`;
    yield { skipped: { source: file, reason: `${what}${tail}` } };
  }
}

/** A reason to skip a whole file, worded for /api/health. */
class CorpusFault extends Error {}

/** The real path of `dir/file`, refusing links that leave `dir` or go round in circles. */
async function resolveInside(dir: string, file: string): Promise<string> {
  const root = await realpath(dir);
  const full = path.join(dir, file);
  let real: string;
  try {
    real = await realpath(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new CorpusFault("symbolic link loop");
    if (code === "ENOENT") {
      const link = await lstat(full).catch(() => null);
      throw new CorpusFault(link?.isSymbolicLink() ? "symbolic link to a missing file" : "file vanished before it was read");
    }
    throw error;
  }
  const inside = path.relative(root, real);
  if (inside.startsWith("..") || path.isAbsolute(inside)) throw new CorpusFault("symbolic link pointing outside the corpus directory: not followed");
  return real;
}

/** A seed page's text: at most `maxBytes`, no NUL bytes, valid UTF-8. */
async function readSeedText(handle: FileHandle, size: number, maxBytes: number): Promise<string> {
  if (size > maxBytes) throw new CorpusFault(`too large: ${size} bytes (the limit for one article is ${maxBytes})`);
  const chunks: Buffer[] = [];
  let total = 0;
  // Read to the end rather than trusting the size: the file may have grown since.
  for await (const chunk of handle.createReadStream({ autoClose: false, end: maxBytes })) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
  }
  if (total > maxBytes) throw new CorpusFault(`too large: over ${maxBytes} bytes (the limit for one article)`);
  const bytes = Buffer.concat(chunks);
  if (bytes.includes(0)) throw new CorpusFault("binary content, not text");
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new CorpusFault("not UTF-8 text");
  }
}

/** A seed page: an optional ` date YYYY-MM-DD` prefix, then the scraped text. */
export function parseSeedFile(file: string, content: string): RawArticle {
  if (content.includes("\u0000")) throw new Error("binary content");
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const dateLine = DATE_LINE.exec(text);
  const date = dateLine && isCalendarDate(dateLine[1]) ? dateLine[1] : null;
  return {
    // NFC: a file name written on macOS arrives decomposed; links and URLs use composed letters.
    id: path
      .basename(file)
      .replace(/\.txt$/i, "")
      .normalize("NFC"),
    file,
    format: "txt",
    title: null,
    body: dateLine ? text.slice(dateLine[0].length) : text,
    date,
    outlet: null,
    url: null,
  };
}

async function* readJsonl(handle: FileHandle, file: string, maxBytes: number, endByte?: number): AsyncGenerator<{ raw: RawArticle } | { skipped: Skipped }> {
  if (endByte === 0) return;
  const source = handle.createReadStream({ autoClose: false, ...(endByte !== undefined ? { end: endByte - 1 } : {}) });
  let input: NodeJS.ReadableStream = source;
  if (/\.gz$/i.test(file)) {
    const gunzip = createGunzip();
    source.on("error", (error) => gunzip.destroy(error)); // pipe() alone would leave gunzip waiting
    input = source.pipe(gunzip);
  }
  let badLines = 0;
  try {
    for await (const line of splitLines(input as AsyncIterable<Buffer>, maxBytes)) {
      if ("error" in line) {
        if (++badLines <= MAX_LINE_REPORTS) yield { skipped: { source: `${file}:${line.no}`, reason: line.error } };
        continue;
      }
      if (!line.text.trim()) continue;
      const raw = parseRecord(line.text, file, line.no);
      if ("reason" in raw) {
        if (++badLines <= MAX_LINE_REPORTS) yield { skipped: raw };
      } else yield { raw };
    }
  } finally {
    if (badLines > MAX_LINE_REPORTS) yield { skipped: { source: file, reason: `${badLines - MAX_LINE_REPORTS} more bad lines, not listed one by one` } };
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

type Line = { no: number; text: string } | { no: number; error: string };

/**
 * The lines of a byte stream, decoded as strict UTF-8. A line over `maxBytes` is reported
 * by size and its bytes dropped as they arrive, so memory stays bounded whatever the input.
 */
export async function* splitLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let no = 0;
  let pending = false;
  const finish = (): Line => {
    no++;
    const line =
      size > maxBytes ? { no, error: `line too large: ${size} bytes (the limit for one article is ${maxBytes})` } : decodeLine(no, Buffer.concat(parts));
    parts = [];
    size = 0;
    pending = false;
    return line;
  };
  for await (const data of input) {
    const chunk = typeof data === "string" ? Buffer.from(data) : data;
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      size += piece.length;
      if (size <= maxBytes) parts.push(piece);
      else parts = [];
      pending = pending || piece.length > 0;
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (pending) yield finish();
}

function decodeLine(no: number, bytes: Buffer): Line {
  try {
    // TextDecoder drops a leading byte-order mark itself.
    return { no, text: STRICT_UTF8.decode(bytes).replace(/\r$/, "") };
  } catch {
    return { no, error: "invalid UTF-8 bytes" };
  }
}

/** An I/O or gzip failure in words a person running the server can act on. */
function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === "ENOENT") return "file vanished while being read";
  if (e?.code === "Z_DATA_ERROR") return `not gzip data, or corrupt (${e.message})`;
  if (e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e?.message ?? "")) return "truncated gzip file (unexpected end of file)";
  return message(error);
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
    id: r.id.normalize("NFC"),
    file,
    format: "jsonl",
    title: r.title?.trim() || null,
    body: r.body.replace(/\r\n?/g, "\n"),
    date,
    outlet: r.outlet?.trim() || null,
    url: r.url?.trim() || null,
  };
}

export interface BuildOptions {
  /**
   * Decide people with evidence from the whole archive and the learned tagger (default), or
   * from each article alone ("article", the rules of lib/corpus/people.ts only).
   */
  people?: "archive" | "article";
}

/**
 * Clean every raw article; duplicate ids and empty articles are reported, not indexed.
 * Estimated dates are then checked against the archive around them (see date-check.ts), and
 * people are decided with evidence from the whole archive (see people-evidence.ts).
 */
export function buildCorpus({ raws, skipped }: RawCorpus, today: string = todayInVietnam(), options: BuildOptions = {}): Corpus {
  const articles: Article[] = [];
  const dates: DateResult[] = [];
  const evidence = new PeopleEvidence();
  const candidates: Candidate[][] = [];
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
    let found: Candidate[];
    try {
      ({
        article,
        detail: { date, candidates: found },
      } = prepareArticleWithDetail(raw, today));
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
    evidence.add(found);
    // Names after place words count as evidence; those sharing a name with a mention are kept for its sense (otherSense).
    candidates.push(candidatesToResolve(found));
  }
  if (options.people !== "article") {
    // Second pass: the archive now knows which names titles introduce and which name streets.
    const helpers = evidence.helpers(loadTagger());
    articles.forEach((a, i) => (a.persons = resolvePeople(candidates[i], helpers)));
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
