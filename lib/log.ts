import pino, { type DestinationStream, type Logger } from "pino";

/**
 * The server's structured log: one JSON line per event on stdout. `LOG_LEVEL` sets the
 * level (default info; "silent" for none). Events carry an `event` name so that a log
 * reader can filter them (startup, indexing, slow_query, error, …: the README lists them all).
 */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    name: "tim-tin",
    level: process.env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

// Route handlers and pages may load this module in separate chunks: one logger per process.
const KEY = Symbol.for("tim-tin.log");
type Holder = { [KEY]?: Logger };

export function log(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger();
  return holder[KEY];
}

/** A query slower than this is logged with its parameters. */
export const SLOW_QUERY_MS = 100;

/** An error as plain fields (pino's own serialiser keeps the stack). */
export function errorFields(error: unknown): { err: unknown } {
  return { err: error instanceof Error ? error : new Error(String(error)) };
}

/** What onRequestError (instrumentation.ts) hands us, reduced to what we log. */
export interface RequestErrorInfo {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The log fields of a server error: the request id the error page shows, and React's digest. */
export function requestErrorFields(error: unknown, request: RequestErrorInfo, routeType?: string) {
  const id = request.headers["x-request-id"];
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  return {
    event: "error",
    requestId: Array.isArray(id) ? id[0] : id,
    digest,
    method: request.method,
    path: request.path,
    routeType,
    ...errorFields(error),
  };
}

/** Log a search that took longer than SLOW_QUERY_MS, with the parameters that made it slow. */
export function logIfSlow(tookMs: number, params: unknown, where: string): void {
  if (tookMs > SLOW_QUERY_MS) log().warn({ event: "slow_query", tookMs: Math.round(tookMs), where, params }, "slow query");
}
