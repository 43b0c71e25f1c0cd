// Build the index when the server starts, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getSearchService } = await import("@/lib/search/service");
    await getSearchService();
  }
}
