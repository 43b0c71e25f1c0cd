import { searchApi } from "@/lib/http/search-api";
import { pageMethodAnswer } from "@/lib/http/page-method";

export const dynamic = "force-dynamic";

// Under `npm start` the server answers this path itself (lib/http/node-search-api.ts, the same
// searchApi without Next's handler); this route serves it under `next start` and `next dev`.
export async function GET(request: Request): Promise<Response> {
  const { status, headers, body } = await searchApi(new URL(request.url).search, (name) => request.headers.get(name), request.signal);
  return new Response(body, { status, headers });
}

// Not through proxy.ts (see its matcher): a method the API does not take gets its JSON 405 here.
function refused(): Response {
  const { status, headers, body } = pageMethodAnswer("refuse-api");
  return new Response(body, { status, headers });
}

export const POST = refused;
export const PUT = refused;
export const PATCH = refused;
export const DELETE = refused;

export function OPTIONS(): Response {
  const { status, headers } = pageMethodAnswer("options");
  return new Response(null, { status, headers });
}
