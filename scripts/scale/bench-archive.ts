// Which archive a benchmark serves. A server started over a saved index with another corpus
// directory replaces that index by one of its own corpus (the contract: the index follows
// CORPUS_DIR), so a bench run given `--index` of a 1M archive and the default archive once
// rebuilt that index for the 35k corpus in place, losing a 33-minute build. The archive is
// therefore the saved index's own unless said otherwise, and a different one is refused.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The 35k corpus beside the repo: the archive when neither `--archive` nor a saved index names one. */
export const DEFAULT_ARCHIVE = "../shared/corpus";

/**
 * `--archive` (resolved) when given, else the corpus directory recorded in `indexDir`'s
 * meta.json, else DEFAULT_ARCHIVE. Throws when `--archive` names another directory than the
 * saved index was built from.
 */
export function benchArchive(archiveArg: string | undefined, indexDir: string | undefined): string {
  const meta = indexDir ? path.join(indexDir, "meta.json") : null;
  const built = meta && existsSync(meta) ? (JSON.parse(readFileSync(meta, "utf8")) as { corpusDir?: string }).corpusDir : undefined;
  const asked = archiveArg === undefined ? undefined : path.resolve(archiveArg);
  if (asked && built && path.resolve(built) !== asked) {
    throw new Error(
      `--index ${indexDir} was built from ${built}, not --archive ${asked}: the server would replace it; give the index's own archive or another --index`,
    );
  }
  return asked ?? (built ? path.resolve(built) : path.resolve(DEFAULT_ARCHIVE));
}
