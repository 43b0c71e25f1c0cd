import type { Article } from "@/lib/corpus/types";
import type { ParamError } from "@/lib/url/search-params";

/** The contract's 400: which parameter is wrong and what to do about it. */
export function invalidParameter(error: ParamError): Response {
  return Response.json({ error: { code: "invalid_parameter", ...error } }, { status: 400 });
}

export function notFound(message: string): Response {
  return Response.json({ error: { code: "not_found", message } }, { status: 404 });
}

/** The contract's article shape (internal provenance stays internal). */
export function articleBody(a: Article) {
  return {
    id: a.id,
    title: a.title,
    titleDerived: a.titleDerived,
    date: a.date,
    dateEstimated: a.dateEstimated,
    outlet: a.outlet,
    persons: a.persons,
    sources: a.sources,
    paragraphs: a.paragraphs,
    captions: a.captions,
    url: a.url,
    file: a.file,
  };
}
