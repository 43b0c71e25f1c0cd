import { searchApi } from "@/lib/http/search-api";

export const dynamic = "force-dynamic";

// Under `npm start` the server answers this path itself (lib/http/node-search-api.ts, the same
// searchApi without Next's handler); this route serves it under `next start` and `next dev`.
export async function GET(request: Request): Promise<Response> {
  const { status, headers, body } = await searchApi(new URL(request.url).search, (name) => request.headers.get(name), request.signal);
  return new Response(body, { status, headers });
}
