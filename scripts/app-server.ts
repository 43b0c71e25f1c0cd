// The built app as `npm start` runs it (scripts/start.mjs: one process per core), for the
// load and scale scripts: start it, wait until every process serves, read the processes' RSS.
import { statCpuSeconds } from "./proc-cpu";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

/**
 * Start `node scripts/start.mjs` with `workers` server processes (WEB_CONCURRENCY). `stdout`:
 * a file descriptor for the servers' log lines (default: dropped). `dir`: the checkout whose
 * build is served (default this one; another, to compare two builds in one run).
 */
export function startApp(port: number, workers: number, env: Record<string, string>, stdout?: number, dir = "."): ChildProcess {
  return spawn(process.execPath, [path.resolve(dir, "scripts/start.mjs"), "-p", String(port)], {
    cwd: path.resolve(dir),
    env: { ...process.env, WEB_CONCURRENCY: String(workers), ...env },
    stdio: ["ignore", stdout ?? "ignore", "inherit"],
    detached: true,
  });
}

/** One /api/health on a fresh connection (so the cluster hands it to the next process). */
function health(base: string, whole = false): Promise<{ status: string; articles: number; worker?: { pid: number }; memory: { rssMiB: number } } | null> {
  return new Promise((resolve) => {
    http
      .get(whole ? base : `${base}/api/health`, { agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          try {
            resolve(JSON.parse(body));
          } catch {
            resolve(null);
          }
        });
      })
      .on("error", () => resolve(null));
  });
}

/**
 * Each server process's /api/health (`query` appended, e.g. "?reset=1"), by fresh connections
 * until `workers` different processes have answered (the cluster hands them out in turn).
 */
export async function healthOfEach(base: string, workers: number, query = ""): Promise<Record<string, unknown>[]> {
  const seen = new Map<number, Record<string, unknown>>();
  for (let tries = 0; seen.size < workers && tries < 20 * workers; tries++) {
    const h = (await health(base + "/api/health" + query, true)) as (Record<string, unknown> & { worker?: { pid: number } }) | null;
    if (h?.worker && !seen.has(h.worker.pid)) seen.set(h.worker.pid, h);
  }
  return [...seen.values()];
}

/** Wait until `workers` different processes answer /api/health with "ok". */
export async function waitAllReady(base: string, workers: number, server: ChildProcess | null, pollMs = 100): Promise<{ articles: number }> {
  const ready = new Set<number>();
  for (;;) {
    if (server && server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const h = await health(base);
    if (h?.status === "ok") {
      ready.add(h.worker?.pid ?? 0);
      if (ready.size >= workers) return h;
    } else await new Promise((r) => setTimeout(r, pollMs));
  }
}

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** A process's user + system CPU time so far, in ms (from /proc/PID/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`) * 1000;
}

/** The processes the primary `pid` forked (the server processes). */
function serverProcesses(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

/** CPU time so far (ms) of each server process the primary `pid` forked, by pid. */
export function serverCpuMs(pid: number): Map<number, number> {
  return new Map(serverProcesses(pid).map((c) => [c, processCpuMs(c)]));
}

/** RSS of the primary and of each server process it forked (MiB), from /proc. */
export function processRss(pid: number): { totalMiB: number; perWorkerMiB: number[] } {
  const children = serverProcesses(pid);
  const perWorker = children.map((c) => Math.round(rssKiB(c) / 1024));
  return { totalMiB: Math.round((rssKiB(pid) + children.reduce((n, c) => n + rssKiB(c), 0)) / 1024), perWorkerMiB: perWorker };
}

/** Stop the app: SIGTERM to its process group, then wait for the primary to exit. */
export async function stopApp(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
}
