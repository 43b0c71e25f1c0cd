import { notFound } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

// Any /api/ path no route has: the API's JSON 404, whatever the method, rather than the
// site's HTML "not found" page (a program reading the API parses the error it gets).
const answer = () => notFound("No API endpoint at this path: see /api/search, /api/articles/{id}, /api/suggest, /api/facets, /api/health.");

export const GET = answer;
export const POST = answer;
export const PUT = answer;
export const PATCH = answer;
export const DELETE = answer;
