// `npm start`: the built app on every core. A primary process forks one `next start` per
// core (WEB_CONCURRENCY, default the number of cores); they share the port, and node:cluster
// hands new connections to them in turn. Worker 1 builds and updates the saved index; the
// others load the same index files and follow its commits (INDEX_ROLE=reader, see
// lib/index/live-index.ts), so the corpus is read and indexed once. docs/architecture.md
// says why processes rather than worker threads. Arguments are passed to `next start`.
import cluster from "node:cluster";
import os from "node:os";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

if (cluster.isPrimary) {
  // TIMTIN_SEMI_SPACE_MB: the young generation's semi-space of each server process (V8's
  // --max-semi-space-size), to measure GC under load (docs/performance.md).
  const semi = Number(process.env.TIMTIN_SEMI_SPACE_MB);
  if (semi > 0) cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${semi}`] });
  const count = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());
  let stopping = false;
  const roles = new Map();
  const fork = (slot) => {
    // With INDEX_DIR=none there are no files to share: every worker keeps its own index.
    const role = slot === 0 || process.env.INDEX_DIR === "none" ? "writer" : "reader";
    const worker = cluster.fork({ INDEX_ROLE: role, TIMTIN_WORKERS: String(count) });
    roles.set(worker, slot);
  };
  for (let i = 0; i < count; i++) fork(i);
  // An answer a worker computed goes to every other worker (lib/http/shared-answers.ts), so
  // each distinct search is computed once by the whole server rather than once per process.
  cluster.on("message", (from, message) => {
    if (message?.type !== "tim-tin.answer") return;
    for (const worker of roles.keys()) if (worker !== from && worker.isConnected()) worker.send(message);
  });
  cluster.on("exit", (worker, code, signal) => {
    const slot = roles.get(worker);
    roles.delete(worker);
    if (stopping) {
      if (roles.size === 0) process.exit(143);
      return;
    }
    // A worker that dies is replaced; the others keep serving meanwhile.
    console.error(JSON.stringify({ level: 50, event: "worker_exit", slot, code, signal, msg: "worker exited; starting another" }));
    setTimeout(() => fork(slot), 1000).unref();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (roles.size === 0) process.exit(143);
    // Each worker is `next start`: it finishes the responses under way, then exits.
    for (const worker of roles.keys()) worker.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.argv = [process.argv[0], nextBin, "start", ...process.argv.slice(2)];
  require(nextBin);
}
