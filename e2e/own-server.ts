import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

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
