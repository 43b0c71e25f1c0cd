import { notFound } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

// Any /api/ path no route has: the API's JSON 404 rather than the site's HTML "not found" page
// (a program reading the API parses the error it gets). Other methods than GET never reach a
// route: proxy.ts (or the npm start front) answers them with the API's 405.
export const GET = () => notFound("No API endpoint at this path: see /api/search, /api/articles/{id}, /api/suggest, /api/facets, /api/health.");
