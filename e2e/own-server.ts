import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "@playwright/test";

/**
 * A built server of its own (`next start`, or with `cores` `npm start`'s one process per core),
 * for tests that need another corpus or a signal.
 */
export interface OwnServer {
  base: string;
  proc: ChildProcess;
  /** Every stdout line so far (the JSON log). */
  lines: string[];
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Start the built app on a free port and wait until its index is searchable ("status": "ok"). */
export async function startServer(corpusDir: string, env: Record<string, string> = {}, { cores }: { cores?: number } = {}): Promise<OwnServer> {
  const port = await freePort();
  const main = cores ? path.resolve("scripts/start.mjs") : path.resolve("node_modules/next/dist/bin/next");
  const proc = spawn(process.execPath, [main, ...(cores ? [] : ["start"]), "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, CORPUS_DIR: corpusDir, PORT: String(port), LOG_LEVEL: "info", ...(cores ? { WEB_CONCURRENCY: String(cores) } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buf = "";
  proc.stdout!.on("data", (d: Buffer) => {
    buf += d.toString("utf8");
    const parts = buf.split("\n");
    buf = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr!.on("data", () => {});
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early (${proc.exitCode}): ${lines.join("\n")}`);
    // /api/health answers 200 while a first build runs too: wait for "ok".
    const ok = await fetch(`${base}/api/health`).then(
      async (r) => r.ok && (await r.json()).status === "ok",
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return { base, proc, lines, exited };
}

/** The JSON log lines with the given event name. */
export function events(server: OwnServer, event: string): Record<string, unknown>[] {
  return server.lines.flatMap((l) => {
    try {
      const o = JSON.parse(l);
      return o.event === event ? [o] : [];
    } catch {
      return [];
    }
  });
}

/** Copy the first `count` bundled seeds (all of them when omitted) into `dir`. */
export async function copySeeds(dir: string, count?: number): Promise<void> {
  const seeds = (await readdir("seeds")).filter((f) => f.endsWith(".txt")).slice(0, count);
  for (const f of seeds) await copyFile(path.join("seeds", f), path.join(dir, f));
}

/** What a spec file's own server runs on; the fields are set once its `beforeAll` has run. */
export interface OwnCorpusServer {
  server: OwnServer;
  /** The temporary corpus directory, which tests may change while the server runs. */
  corpus: string;
  /** The temporary saved-index directory. */
  index: string;
}

/**
 * For a serial spec file: before its tests, a temporary corpus (filled by `fill`) and a
 * temporary saved index served by a built server of their own; after them, the server is
 * stopped and both directories are removed.
 */
export function serveOwnCorpus(
  name: string,
  fill: (corpus: string) => Promise<void>,
  env: Record<string, string> = {},
  options: { cores?: number } = {},
): OwnCorpusServer {
  const own = {} as OwnCorpusServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a cold start on a busy machine: a wait, not a limit on speed
    own.corpus = await mkdtemp(path.join(tmpdir(), `timtin-${name}-corpus-`));
    own.index = await mkdtemp(path.join(tmpdir(), `timtin-${name}-index-`));
    await fill(own.corpus);
    own.server = await startServer(own.corpus, { INDEX_DIR: own.index, ...env }, options);
  });
  test.afterAll(async () => {
    own.server?.proc.kill("SIGTERM");
    await own.server?.exited;
    for (const d of [own.corpus, own.index]) if (d) await rm(d, { recursive: true, force: true });
  });
  return own;
}
