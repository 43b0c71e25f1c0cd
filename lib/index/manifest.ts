// meta.json: the one small file that says which segments make the saved index, which
// of their documents are gone, and what was read of every corpus file. It is replaced
// atomically on each commit, so the saved index is always the state of one commit.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Skipped } from "@/lib/corpus/types";
import { ANALYZER_VERSION, FORMAT_VERSION, IndexFileError, writeAtomic } from "@/lib/index/format";

const fileState = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  consumed: z.number(),
  lines: z.number(),
  head: z.string(),
  tail: z.string(),
  digest: z.string().optional(),
});

const manifestSchema = z.object({
  format: z.number(),
  analyzer: z.string(),
  corpusDir: z.string(),
  generation: z.number(),
  updatedAt: z.string(),
  segments: z.array(z.object({ name: z.string().regex(/^seg-[\w-]+$/), docs: z.number(), gone: z.array(z.number()) })),
  files: z.record(z.string(), fileState),
  skipped: z.record(z.string(), z.array(z.object({ source: z.string(), reason: z.string() }))),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const MANIFEST = "meta.json";

/** The saved manifest, checked against this program and corpus; throws IndexFileError with the reason. */
export function readManifest(indexDir: string, corpusDir: string): Manifest {
  const file = path.join(indexDir, MANIFEST);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new IndexFileError(file, (error as NodeJS.ErrnoException).code === "ENOENT" ? "no saved index" : "unreadable manifest");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new IndexFileError(file, "not a manifest of this program");
  const m = parsed.data;
  if (m.format !== FORMAT_VERSION) throw new IndexFileError(file, `format version ${m.format}, expected ${FORMAT_VERSION}`);
  if (m.analyzer !== ANALYZER_VERSION) throw new IndexFileError(file, `analyzer version ${m.analyzer}, expected ${ANALYZER_VERSION}`);
  if (m.corpusDir !== corpusDir) throw new IndexFileError(file, `built for another corpus directory (${m.corpusDir})`);
  return m;
}

export function writeManifest(indexDir: string, m: Omit<Manifest, "format" | "analyzer">) {
  const full: Manifest = { format: FORMAT_VERSION, analyzer: ANALYZER_VERSION, ...m };
  writeAtomic(path.join(indexDir, MANIFEST), [Buffer.from(JSON.stringify(full))]);
}

export type SkippedByFile = Record<string, Skipped[]>;
