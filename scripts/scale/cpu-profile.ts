// A `.cpuprofile` as `node --cpu-prof` writes it, read for cpu-summary.ts and thread-timeline.ts.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type RawSourceMap, SourceMapConsumer } from "source-map-js";

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The profile in `file`, its nodes by id, and each node's parent. */
export function readProfile(file: string): { profile: CpuProfile; byId: Map<number, ProfileNode>; parent: Map<number, number> } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  return { profile, byId, parent };
}

/**
 * Each sample of `profile` taken at or after `lastSeconds` before its end (every sample without
 * it): the sample's time in ms (the gap to the next sample; the last one's is dropped) and its
 * stack's node ids, innermost first.
 */
export function* samplesOf(profile: CpuProfile, parent: Map<number, number>, lastSeconds?: number): Generator<{ ms: number; ids: number[] }> {
  const from = lastSeconds ? profile.endTime - lastSeconds * 1e6 : -Infinity;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (at < from) continue;
    const ids: number[] = [];
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) ids.push(id);
    yield { ms: (profile.timeDeltas[i + 1] ?? 0) / 1000, ids };
  }
}

/**
 * Original positions in built bundles, through the `.map` file beside each (Turbopack writes
 * index maps: one section per module). Positions are 0-based lines and columns, as profiles
 * give them; null when the file has no map or the position maps to no source.
 */
export class SourceMaps {
  private readonly files = new Map<string, { line: number; column: number; map: SourceMapConsumer }[] | null>();

  original(url: string, line: number, column: number): { source: string; line: number } | null {
    const sections = this.sectionsOf(url);
    if (!sections) return null;
    let at: (typeof sections)[number] | undefined;
    for (const s of sections) if (s.line < line || (s.line === line && s.column <= column)) at = s;
    if (!at) return null;
    const o = at.map.originalPositionFor({ line: line - at.line + 1, column: line === at.line ? column - at.column : column });
    return o.source ? { source: o.source, line: o.line } : null;
  }

  private sectionsOf(url: string) {
    if (!this.files.has(url)) {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      let sections: { line: number; column: number; map: SourceMapConsumer }[] | null = null;
      if (file && existsSync(`${file}.map`)) {
        const raw = JSON.parse(readFileSync(`${file}.map`, "utf8")) as RawSourceMap & {
          sections?: { offset: { line: number; column: number }; map: RawSourceMap }[];
        };
        sections = (raw.sections ?? [{ offset: { line: 0, column: 0 }, map: raw }]).map((s) => ({ ...s.offset, map: new SourceMapConsumer(s.map) }));
      }
      this.files.set(url, sections);
    }
    return this.files.get(url)!;
  }
}

/** A stage of a run's work: the frames whose `functionName file` label `match` matches. */
export interface StageRule {
  stage: string;
  match: RegExp;
}

/**
 * The stage of one sample, from its stack (innermost frame first): the innermost frame that
 * some rule matches decides (the first such rule), so a stage nested in another (the judge's
 * features inside resolving) is told apart from it; "other" when no frame matches.
 */
export function stageOf(stack: readonly string[], rules: readonly StageRule[]): string {
  for (const frame of stack) for (const r of rules) if (r.match.test(frame)) return r.stage;
  return "other";
}
