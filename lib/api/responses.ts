import type { Article } from "@/lib/corpus/types";
import type { ServiceState } from "@/lib/search/service";
import type { ParamError } from "@/lib/url/search-params";

/** An error answer as data: its status, extra headers and JSON body (`jsonResponse` makes it a Response). */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string; message: string; param?: string } };
}

export function jsonResponse(answer: ErrorAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

/** The contract's 400: which parameter is wrong and what to do about it. */
export function invalidParameterAnswer(error: ParamError): ErrorAnswer {
  return { status: 400, headers: {}, body: { error: { code: "invalid_parameter", ...error } } };
}

export function invalidParameter(error: ParamError): Response {
  return jsonResponse(invalidParameterAnswer(error));
}

/** The contract's 503 while a first build runs (or when the index could not be opened). */
export function notReadyAnswer(state: Exclude<ServiceState, { status: "ok" }>): ErrorAnswer {
  const message =
    state.status === "indexing"
      ? `Kho bài đang được lập chỉ mục (${state.progress.done}/${state.progress.total} bài). Hãy thử lại sau ít giây.`
      : "Chỉ mục chưa mở được; máy chủ đang thử lại.";
  return { status: 503, headers: { "Retry-After": "2" }, body: { error: { code: state.status === "indexing" ? "indexing" : "unavailable", message } } };
}

export function notReady(state: Exclude<ServiceState, { status: "ok" }>): Response {
  return jsonResponse(notReadyAnswer(state));
}

/** `503` when this process already has as many searches waiting as it takes (SEARCH_QUEUE). */
export function busyAnswer(): ErrorAnswer {
  return {
    status: 503,
    headers: { "Retry-After": "1" },
    body: { error: { code: "busy", message: "Máy chủ đang bận, có quá nhiều tìm kiếm đang chờ. Hãy thử lại sau giây lát." } },
  };
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
    photoCredits: a.photoCredits ?? [],
    paragraphs: a.paragraphs,
    captions: a.captions,
    url: a.url,
    file: a.file,
  };
}
