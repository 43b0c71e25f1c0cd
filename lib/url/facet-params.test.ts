import { describe, expect, it } from "vitest";
import { parseFacetParams } from "@/lib/url/facet-params";

const parse = (qs: string) => parseFacetParams(new URLSearchParams(qs));

describe("parseFacetParams", () => {
  it("reads the facet, its text and the search it belongs to", () => {
    const r = parse("facet=person&facetQuery=%20put%20&q=Alaska&outlet=dan-tri");
    expect(r.ok && [r.request.facet, r.request.facetQuery, r.request.limit, r.request.query.q, r.request.query.outlet]).toEqual([
      "person",
      "put",
      20,
      "Alaska",
      ["dan-tri"],
    ]);
  });
  it("names the bad parameter", () => {
    expect(parse("facet=month")).toMatchObject({ ok: false, error: { param: "facet" } });
    expect(parse("")).toMatchObject({ ok: false, error: { param: "facet" } });
    expect(parse("facet=person&limit=500")).toMatchObject({ ok: false, error: { param: "limit" } });
    expect(parse("facet=person&from=2025-02-30")).toMatchObject({ ok: false, error: { param: "from" } });
  });
});
