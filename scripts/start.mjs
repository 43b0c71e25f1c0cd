// `npm start`: the built app on every core. A primary process forks one server process per
// core (WEB_CONCURRENCY, default the number of cores); they share the port, and node:cluster
// hands new connections to them in turn. Worker 1 builds and updates the saved index; the
// others load the same index files and follow its commits (INDEX_ROLE=reader, see
// lib/index/live-index.ts), so the corpus is read and indexed once. docs/architecture.md
// says why processes rather than worker threads.
//
// Each server process is Next.js as `next start` runs it (the same request handler, the same
// graceful stop on SIGTERM), in a server of our own: it answers GET /api/search itself, without
// Next's handler (lib/http/node-search-api.ts, which instrumentation.ts registers), and gives
// every other request the nonce, CSP and request id proxy.ts would (lib/http/node-page-front.ts,
// so Next skips the middleware) before handing it to Next. Options: -p/--port (default $PORT, else 3000), -H/--hostname,
// --keepAliveTimeout MS, as `next start` takes them.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parserErrorResponse } from "./parser-error.mjs";

const require = createRequire(import.meta.url);

if (cluster.isPrimary) {
  // TIMTIN_SEMI_SPACE_MB: the young generation's semi-space of each server process (V8's
  // --max-semi-space-size), to measure GC under load (docs/history/performance-log.md).
  const semi = Number(process.env.TIMTIN_SEMI_SPACE_MB);
  // TIMTIN_CPU_PROF_DIR: each server process writes its CPU profile there when it stops
  // (node --cpu-prof, which NODE_OPTIONS may not carry), for scripts/scale/request-cpu.ts.
  const profDir = process.env.TIMTIN_CPU_PROF_DIR;
  // TIMTIN_V8_FLAGS: more V8 flags for each server process, space-separated (e.g.
  // --single-threaded-gc), to measure them under load (scripts/scale/load-ab.ts --env-b).
  const v8Flags = (process.env.TIMTIN_V8_FLAGS ?? "").split(/\s+/).filter(Boolean);
  const execArgv = [
    ...process.execArgv,
    ...(semi > 0 ? [`--max-semi-space-size=${semi}`] : []),
    ...v8Flags,
    ...(profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : []),
  ];
  if (execArgv.length > process.execArgv.length) cluster.setupPrimary({ execArgv });
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
  await serve(process.argv.slice(2));
}

/** One server process: Next.js's request handler behind ours, stopped as `next start` stops. */
async function serve(args) {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, keepAliveTimeout: { type: "string" } },
  });
  process.env.NODE_ENV = "production";
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  process.env.PORT = String(port);
  const next = require("next");
  const app = next({ dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."), hostname: values.hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  // Registered by instrumentation.ts while Next prepares (lib/http/node-search-api.ts).
  const ROUTES = Symbol.for("tim-tin.node-routes");
  const failed = (res, error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end("Internal Server Error");
  };
  const server = http.createServer((req, res) => {
    try {
      const ours = globalThis[ROUTES];
      const api = ours?.handles(req);
      // Any other request: proxy.ts's work done here (Next then skips the middleware), or a 304.
      if (!api && ours?.front(req, res)) return;
      const answered = api ? ours.serve(req, res) : handle(req, res);
      answered.catch((error) => failed(res, error));
    } catch (error) {
      failed(res, error);
    }
  });
  server.on("clientError", answerParserError);
  if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);
  await app.prepare();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, values.hostname, resolve);
  });
  // As `next start`: stop taking connections, let the responses under way finish, then exit.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    server.close(async () => {
      await app.close().catch(console.error);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * Node answers a request its parser refuses (a request line and headers over its 16 KB limit,
 * malformed syntax) itself, before any route: a bare status with no body. The same status
 * here, with the API's JSON error or a short Vietnamese page (scripts/parser-error.mjs), as
 * Node does it: only while no response is under way.
 */
function answerParserError(error, socket) {
  if (error.code === "ECONNRESET" || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(parserErrorResponse(error.code, error.rawPacket));
}
