import { getSearchService } from "@/lib/search/service";

export const dynamic = "force-dynamic";

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

export async function GET() {
  const { engine, skipped, buildMs } = await getSearchService();
  const { rss, heapUsed } = process.memoryUsage();
  return Response.json({
    status: "ok",
    articles: engine.size,
    skipped,
    buildMs,
    memory: { rssMiB: mib(rss), heapUsedMiB: mib(heapUsed) },
  });
}
