// The per-article analysis of an index build (cleaning, dates, people candidates): pure per
// article, so it can run on another thread while the build's own thread tokenises and
// writes segments. `analyseRecords` keeps the corpus order whichever way it runs.
import type { DateResult } from "@/lib/corpus/dates";
import { type Candidate, candidatesToResolve, resolvePeople } from "@/lib/corpus/people";
import { type ArticleEvidence, articleEvidence, type EvidenceData, PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";
import { prepareArticleWithDetail } from "@/lib/corpus/prepare";
import type { Article, Entity, RawArticle, Skipped } from "@/lib/corpus/types";
import type { CorpusRecord } from "@/lib/index/corpus-files";
import { storySignature } from "@/lib/stories/signature";

/**
 * An article's name candidates kept by the analyser's thread `worker` under `id`, until the
 * build asks for its people (`Analyser.resolve`): they never cross to the build's thread.
 */
export interface HeldCandidates {
  worker: number;
  id: number;
}

/**
 * What the build needs of one prepared article, or why it could not be cleaned: the name
 * candidates the people pass decides (`candidatesToResolve`), or where an analyser holds them,
 * what the article adds to the archive's evidence, and its story signature (the segment's
 * `story` column), all worked out here, on the analysis thread when there is one: the
 * signature was a tenth of the build's own thread (docs/history/performance-log.md, `scale12`).
 */
export type Analysis =
  { article: Article; date: DateResult; candidates: Candidate[] | HeldCandidates; evidence: ArticleEvidence; signature: Uint16Array } | { error: string };

/**
 * Prepare one raw article; an exception becomes its message (the article is skipped and
 * reported). Its people are left to the build (`persons` empty): it decides them from the
 * candidates, with the archive's evidence or, without it, by the article alone. `people:
 * false` finds no candidates, only to measure what people cost (scripts/people-bench.ts).
 */
export function analyse(raw: RawArticle, today: string, people = true): Analysis {
  try {
    const { article, detail } = prepareArticleWithDetail(raw, today, { people: people ? "candidates" : false });
    return {
      article,
      date: detail.date,
      candidates: candidatesToResolve(detail.candidates),
      evidence: articleEvidence(detail.candidates),
      signature: storySignature(article),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The candidates an analyser thread keeps for the build (see `Analyser.resolve`): an article's
 * candidates stay where they were found, so the build's thread neither receives nor keeps
 * them, and their people are decided here, on the analyser's thread, when a segment is written.
 */
export class CandidateStore {
  private readonly held = new Map<number, Candidate[]>();
  private next = 0;

  constructor(private readonly worker: number) {}

  /** Keep an analysis's candidates here; an article without candidates keeps its empty list. */
  hold(analysis: Analysis): Analysis {
    if ("error" in analysis || !Array.isArray(analysis.candidates) || !analysis.candidates.length) return analysis;
    const id = this.next++;
    this.held.set(id, analysis.candidates);
    return { ...analysis, candidates: { worker: this.worker, id } };
  }

  /**
   * The people of the held articles `ids` (in that order), decided with the archive's evidence
   * and the tagger as `resolvePeople` decides them on the build's thread. Every article held
   * under an id up to the largest asked is forgotten: the build consumed them, in order.
   */
  resolve(ids: readonly number[], evidence: EvidenceData): Entity[][] {
    const helpers = PeopleEvidence.fromData(evidence).helpers(loadTagger());
    const persons = ids.map((id) => {
      const candidates = this.held.get(id);
      if (!candidates) throw new Error(`no candidates held under ${id}`);
      return resolvePeople(candidates, helpers);
    });
    let last = -1;
    for (const id of ids) last = Math.max(last, id);
    for (const id of this.held.keys()) {
      if (id > last) break;
      this.held.delete(id);
    }
    return persons;
  }

  /** How many articles' candidates are held (for tests). */
  get size(): number {
    return this.held.size;
  }
}

/** Analyses batches of raw articles elsewhere (a worker thread); results in the order given. */
export interface Analyser {
  run(raws: RawArticle[], today: string): Promise<Analysis[]>;
  /**
   * The people of candidates this analyser holds (`HeldCandidates` of its results), decided
   * with `evidence` (the archive's, `PeopleEvidence.toData`) and the tagger, in the order asked.
   * The build asks once per segment for every held article of it; candidates held under a
   * lower id on the same thread are then forgotten (their articles were consumed already).
   */
  resolve?(held: HeldCandidates[], evidence: EvidenceData): Promise<Entity[][]>;
  close(): Promise<void>;
}

export type AnalysedRecord = { raw: RawArticle; line: number; analysis: Analysis } | { skipped: Skipped };

/** Records per message to the analyser: enough to amortise a message, few enough to start soon. */
const CHUNK = 32;
/** Chunks under way at once: the analyser keeps working while the build finishes a segment. */
const AHEAD = 8;

/**
 * The records of `source` with each article analysed, in the source's order. Without an
 * analyser each article is prepared here when it is reached; with one, up to AHEAD chunks
 * of CHUNK records are read and analysed ahead of the consumer.
 */
export async function* analyseRecords(source: AsyncIterable<CorpusRecord>, today: string, analyser: Analyser | null): AsyncGenerator<AnalysedRecord> {
  if (!analyser) {
    for await (const rec of source) {
      if ("skipped" in rec) yield rec;
      else yield { ...rec, analysis: analyse(rec.raw, today) };
    }
    return;
  }
  const pending: { recs: CorpusRecord[]; results: Promise<Analysis[]> }[] = [];
  const send = (recs: CorpusRecord[]) => {
    const raws = recs.flatMap((r) => ("raw" in r ? [r.raw] : []));
    const results = raws.length ? analyser.run(raws, today) : Promise.resolve([]);
    // Awaited in order below; until then a failure must not count as unhandled.
    results.catch(() => undefined);
    pending.push({ recs, results });
  };
  async function* drain(keep: number): AsyncGenerator<AnalysedRecord> {
    while (pending.length > keep) {
      const { recs, results } = pending.shift()!;
      const analyses = await results;
      let i = 0;
      for (const rec of recs) {
        if ("skipped" in rec) yield rec;
        else yield { ...rec, analysis: analyses[i++] };
      }
    }
  }
  let chunk: CorpusRecord[] = [];
  for await (const rec of source) {
    chunk.push(rec);
    if (chunk.length < CHUNK) continue;
    send(chunk);
    chunk = [];
    yield* drain(AHEAD - 1);
  }
  if (chunk.length) send(chunk);
  yield* drain(0);
}
