// The judged sets the ranking may be tuned on, read from data/eval instead of listed by hand, so
// flipping a held-out set to a tuning set needs no edit in the scripts: the frozen set
// (judged-queries.json) and every judged-heldoutN.json whose "frozen" is false. A held-out set
// kept for reporting says "frozen": true (as the people-label files do) and is never listed here;
// a held-out file that says neither is an error, so a new set cannot slip in by omission. The one
// held-out set kept for reporting is read from the same flags (frozenHeldOutSet), for the scripts
// that report it (ablate.ts --heldout).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const EVAL_DIR = path.resolve(__dirname, "../../data/eval");

/** The frozen set: tuned on since the first session, whatever its file says. */
export const FROZEN_SET_FILE = "judged-queries.json";

const HELD_OUT_FILE = /^judged-heldout(\d+)\.json$/;

export interface JudgedSetFile {
  /** The fold or table name: "frozen", "heldout2", "heldout3", … */
  name: string;
  /** The file name inside data/eval. */
  file: string;
}

/** The held-out files among data/eval's file names with their "frozen" flag, by number (not by name: 10 after 9). */
function heldOutFiles(files: string[], frozenOf: (file: string) => unknown): { file: string; n: number; frozen: boolean }[] {
  return files
    .map((file) => ({ file, n: Number(HELD_OUT_FILE.exec(file)?.[1]) }))
    .filter((f) => Number.isInteger(f.n))
    .sort((a, b) => a.n - b.n)
    .map(({ file, n }) => {
      const frozen = frozenOf(file);
      if (typeof frozen !== "boolean") throw new Error(`data/eval/${file}: "frozen" must be true (held out) or false (a tuning set)`);
      return { file, n, frozen };
    });
}

/**
 * The tuning sets among data/eval's file names, given how to read a held-out file's "frozen"
 * flag: the frozen set first, then the held-out sets by number (not by name: 10 after 9).
 */
export function pickTuningSets(files: string[], frozenOf: (file: string) => unknown): JudgedSetFile[] {
  const heldOut = heldOutFiles(files, frozenOf).filter((f) => !f.frozen);
  const first = files.includes(FROZEN_SET_FILE) ? [{ name: "frozen", file: FROZEN_SET_FILE }] : [];
  return [...first, ...heldOut.map(({ file, n }) => ({ name: `heldout${n}`, file }))];
}

/**
 * The one held-out set kept for its report ("frozen": true) among data/eval's file names. None,
 * or more than one (a new set written before the last one was flipped to a tuning set), is an
 * error: a report must name the set it measures, never guess between two.
 */
export function pickFrozenHeldOutSet(files: string[], frozenOf: (file: string) => unknown): JudgedSetFile {
  const frozen = heldOutFiles(files, frozenOf).filter((f) => f.frozen);
  if (frozen.length !== 1) {
    const which = frozen.length ? frozen.map((f) => f.file).join(", ") : "none";
    throw new Error(`data/eval must hold exactly one held-out set with "frozen": true (found ${which}); flip the reported one to false, or name the file`);
  }
  return { name: `heldout${frozen[0].n}`, file: frozen[0].file };
}

const readFrozenFlag = (dir: string) => (file: string) => (JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { frozen?: unknown }).frozen;

/** The tuning sets on disk (data/eval unless `dir` says otherwise). */
export function tuningSets(dir = EVAL_DIR): JudgedSetFile[] {
  return pickTuningSets(readdirSync(dir), readFrozenFlag(dir));
}

/** The held-out set kept for its report on disk (data/eval unless `dir` says otherwise). */
export function frozenHeldOutSet(dir = EVAL_DIR): JudgedSetFile {
  return pickFrozenHeldOutSet(readdirSync(dir), readFrozenFlag(dir));
}

/** The held-out sets among the tuning sets on disk (every tuning set but judged-queries.json). */
export function tuningHeldOutSets(dir = EVAL_DIR): JudgedSetFile[] {
  return tuningSets(dir).filter((s) => s.file !== FROZEN_SET_FILE);
}
