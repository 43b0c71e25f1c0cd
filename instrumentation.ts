import type { Instrumentation } from "next";

// Build the index when the server starts, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { log } = await import("@/lib/log");
    const { getSearchService } = await import("@/lib/search/service");
    const { engine, skipped, buildMs, corpusDir } = await getSearchService();
    log().info(
      { event: "startup", node: process.version, port: process.env.PORT ?? null, corpusDir, articles: engine.size, skipped: skipped.length, buildMs },
      "ready to search",
    );
  }
}

/** Every server error, with the request id the error page shows (see proxy.ts). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, requestErrorFields } = await import("@/lib/log");
  log().error(requestErrorFields(error, request, context.routeType), "request failed");
};
