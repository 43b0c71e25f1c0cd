import type { Instrumentation } from "next";

// Open (or build) the index when the server starts, without holding the server back:
// until it is searchable, /api/health says "indexing" and searches answer 503.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { log } = await import("@/lib/log");
    const { corpusDir, cpuMs, indexDir, startSearchService } = await import("@/lib/search/service");
    // uptimeMs: how long the process took to get here (Node, Next.js), for where a start goes.
    log().info(
      {
        event: "startup",
        node: process.version,
        port: process.env.PORT ?? null,
        corpusDir: corpusDir(),
        indexDir: indexDir(),
        uptimeMs: Math.round(process.uptime() * 1000),
        cpuMs: cpuMs(),
      },
      "starting",
    );
    // Event-loop delay and GC pauses from the start, shown in /api/health (lib/http/loop-monitor.ts).
    const { loopMonitor } = await import("@/lib/http/loop-monitor");
    loopMonitor();
    startSearchService();
    // Under npm start, the server answers /api/search itself, without Next's handler (scripts/start.mjs).
    const { NODE_ROUTES, NODE_ROUTES_KEY } = await import("@/lib/http/node-search-api");
    (globalThis as Record<symbol, unknown>)[NODE_ROUTES_KEY] = NODE_ROUTES;
  }
}
/** Every server error, with the request id the error page shows (see proxy.ts). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, requestErrorFields } = await import("@/lib/log");
  log().error(requestErrorFields(error, request, context.routeType), "request failed");
};
