import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createSerializer } from "nuqs/server";
import { fixFor } from "@/lib/url/param-errors";
import {
  EMPTY_QUERY,
  parseSearchParams,
  type RawParams,
  parseUrlState,
  SEARCH_PARAMS,
  searchHref,
  searchParsers,
  toQueryString,
  toUrlState,
  wordsQuery,
} from "@/lib/url/search-params";

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const date = fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** A valid query but for `to` (a random `to` would often come before `from`). */
const anyQuery = fc.record({
  q: fc.string({ maxLength: 50 }).map((s) => s.trim()),
  from: fc.option(date, { nil: null }),
  person: fc.uniqueArray(id, { maxLength: 3 }),
  outlet: fc.uniqueArray(id, { maxLength: 2 }),
  sources: fc.uniqueArray(id, { maxLength: 2 }),
  undated: fc.constantFrom(null, "exclude" as const),
  sort: fc.constantFrom("relevance" as const, "newest" as const, "oldest" as const),
  page: fc.integer({ min: 1, max: 1000 }),
  size: fc.integer({ min: 1, max: 50 }),
  group: fc.boolean(),
});

describe("parseSearchParams", () => {
  it("reads only the object's own string values (a `__proto__` parameter cannot inject any)", () => {
    // What Next.js makes of `?__proto__=&sort=`: an array prototype, then `sort` = [Array's sort, ""].
    const raw = Object.create([Object.prototype, ""]) as Record<string, unknown>;
    raw.sort = [Array.prototype.sort, ""];
    expect(parseSearchParams(raw as RawParams)).toEqual(parseSearchParams({}));
    raw.sort = [Array.prototype.sort, "zzz"];
    const bad = parseSearchParams(raw as RawParams);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(fixFor(raw as RawParams, bad.error).href).not.toContain("sort");
    const inherited = Object.create({ q: "Putin" }) as Record<string, string>;
    expect(parseSearchParams(inherited)).toEqual(parseSearchParams({}));
  });

  it("applies defaults: browse newest first without a query, relevance with one", () => {
    expect(parse("")).toEqual({
      ok: true,
      query: { q: "", from: null, to: null, person: [], outlet: [], sources: [], undated: null, sort: "newest", page: 1, size: 10, group: true },
    });
    const r = parse("q=%20hoa+binh%20");
    expect(r.ok && r.query.q).toBe("hoa binh");
    expect(r.ok && r.query.sort).toBe("relevance");
  });

  it("reads a control character in q as a space: a query of only NULs browses, a pasted tab separates words", () => {
    expect(parse("q=%00%00")).toEqual(parse(""));
    const r = parse("q=hoa%09binh%0A%7F");
    expect(r.ok && r.query.q).toBe("hoa binh");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (q) => {
        const parsed = parseSearchParams({ q });
        expect(parsed.ok && /\p{Cc}/u.test(parsed.query.q)).toBe(false);
      }),
    );
  });

  it("drops invisible format characters in q, so a word pasted with one is the word", () => {
    for (const q of ["Pu%C2%ADtin", "Pu%E2%80%8Dtin", "Pu%E2%80%8Ctin", "%E2%80%AEPutin", "Putin%E2%80%8F", "%EF%BB%BFPutin", "%E2%81%A6Putin%E2%81%A9"]) {
      const r = parse(`q=${q}`);
      expect(r.ok && r.query.q, q).toBe("Putin");
    }
    // A zero-width space is a word break, as the corpus's cleaning reads it.
    const r = parse("q=hoa%E2%80%8Bbinh");
    expect(r.ok && r.query.q).toBe("hoa binh");
    expect(parse("q=%E2%80%8F%E2%80%8D")).toEqual(parse(""));
  });

  it("keeps repeated facet params, in order, without duplicates", () => {
    const r = parse("person=vladimir-putin&person=donald-trump&person=vladimir-putin&outlet=vnexpress");
    expect(r.ok && r.query.person).toEqual(["vladimir-putin", "donald-trump"]);
    expect(r.ok && r.query.outlet).toEqual(["vnexpress"]);
  });

  it("accepts Next's searchParams object form", () => {
    const r = parseSearchParams({ q: "Alaska", person: ["a", "b"], page: "2" });
    expect(r.ok && [r.query.q, r.query.person, r.query.page]).toEqual(["Alaska", ["a", "b"], 2]);
  });

  it("treats empty values (an empty form field) as absent and ignores unknown params", () => {
    const r = parse("q=&from=&to=&utm_source=x");
    expect(r.ok).toBe(true);
  });

  it.each([
    ["from=2025-02-30", "from"],
    ["from=25/4/2025", "from"],
    ["to=2025-13-01", "to"],
    ["from=2025-08-10&to=2025-08-01", "to"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["size=51", "size"],
    ["sort=best", "sort"],
    ["undated=yes", "undated"],
    ["undated=only&from=2017-02-01", "undated"],
    ["person=Vladimir%20Putin", "person"],
    ["group=no", "group"],
    [`q=${"a".repeat(201)}`, "q"],
  ])("rejects %s naming the parameter %s", (qs, param) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.param).toBe(param);
      expect(r.error.message.startsWith(param)).toBe(true);
    }
  });

  it.each([
    ["from=2025-02-30", "from", "from is not a real calendar date"],
    ["from=7-8-2025", "from", "from must be a date written YYYY-MM-DD"],
    ["page=abc", "page", "page must be a whole number from 1 to 1000"],
    ["page=1001", "page", "page must be at most 1000"],
    ["sort=best", "sort", "sort must be one of relevance, newest, oldest"],
    ["from=2025-08-10&to=2025-08-01", "to", "to must not be before from"],
  ])("explains %s (%s) as %j", (qs, param, message) => {
    expect(parse(qs)).toEqual({ ok: false, error: { param, message } });
  });

  it("keeps repeated values of every facet, and skips empty ones", () => {
    const r = parse("sources=reuters&person=&sources=tass&outlet=dan-tri&outlet=");
    expect(r.ok && [r.query.person, r.query.outlet, r.query.sources]).toEqual([[], ["dan-tri"], ["reuters", "tass"]]);
  });

  it("reads undated=only|exclude, which combine with the other filters", () => {
    expect(parse("undated=only&q=x").ok && parse("undated=only&q=x")).toMatchObject({ query: { undated: "only", q: "x" } });
    expect(parse("undated=exclude&from=2017-02-01")).toMatchObject({ ok: true, query: { undated: "exclude", from: "2017-02-01" } });
    expect(toQueryString({ q: "x", undated: "exclude", sort: "relevance" })).toBe("q=x&undated=exclude");
  });

  it("allows 200 characters after trimming", () => {
    expect(parse(`q=${"a".repeat(200)}%20%20`).ok).toBe(true);
  });
});

describe("parseUrlState", () => {
  it("validates the client's nuqs state exactly as the server validates the URL", () => {
    const qs = "q=Alaska&from=2025-08-01&person=vladimir-putin&person=donald-trump&sort=oldest&page=2";
    const r = parse(qs);
    expect(r.ok).toBe(true);
    if (r.ok) expect(parseUrlState(toUrlState(r.query))).toEqual(r);
    expect(parseUrlState({ from: "2025-02-30" })).toMatchObject({ ok: false, error: { param: "from" } });
  });
  it("the client's parsers read exactly the parameters the server's schema reads", () => {
    expect(Object.keys(searchParsers).sort()).toEqual([...SEARCH_PARAMS].sort());
    for (const key of Object.keys(EMPTY_QUERY)) expect(SEARCH_PARAMS).toContain(key);
  });
  it("keeps size through the client's URL state, and rejects a bad one as the server does", () => {
    const r = parse("q=Putin&size=2&page=2");
    expect(r.ok && r.query.size).toBe(2);
    if (r.ok) {
      expect(toQueryString(r.query)).toBe("q=Putin&page=2&size=2");
      expect(parseUrlState(toUrlState(r.query))).toEqual(r);
    }
    expect(parseUrlState({ size: "0" })).toMatchObject({ ok: false, error: { param: "size" } });
    expect(parseUrlState({ page: "abc" })).toMatchObject({ ok: false, error: { param: "page" } });
  });
});

describe("toQueryString / searchHref", () => {
  it("omits defaults and repeats facet params", () => {
    expect(searchHref({ q: "", sort: "newest", page: 1 })).toBe("/");
    expect(toQueryString({ q: "hòa bình", person: ["vladimir-putin", "donald-trump"], sort: "relevance", page: 2 })).toBe(
      "q=hòa+bình&person=vladimir-putin&person=donald-trump&page=2",
    );
  });

  it("round-trips any valid query", () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const query = { ...q, to: null };
        const back = parse(toQueryString(query));
        expect(back).toEqual({ ok: true, query });
      }),
    );
  });

  it("writes what nuqs's serializer over the same parsers writes, for any query", () => {
    const nuqsWrite = createSerializer(searchParsers, { clearOnDefault: true });
    fc.assert(
      fc.property(anyQuery, fc.string({ unit: "binary", maxLength: 20 }), (query, q) => {
        for (const one of [query, { ...query, q }]) expect(toQueryString(one)).toBe(nuqsWrite(toUrlState(one)).replace(/^\?/, ""));
      }),
    );
  });
});

describe("group", () => {
  it("groups stories unless group=0; only group=0 is written to a link", () => {
    expect(parse("q=x").ok && (parse("q=x") as { query: { group: boolean } }).query.group).toBe(true);
    expect(parse("q=x&group=1").ok && (parse("q=x&group=1") as { query: { group: boolean } }).query.group).toBe(true);
    expect(parse("q=x&group=0").ok && (parse("q=x&group=0") as { query: { group: boolean } }).query.group).toBe(false);
    expect(toQueryString({ q: "x", group: false })).toBe("q=x&group=0");
    expect(toQueryString({ q: "x", group: true })).toBe("q=x");
  });
});

describe("many facet values", () => {
  it("refuses more than 50 different values of one facet, naming it", () => {
    const many = (k: string, n: number) => Array.from({ length: n }, (_, i) => `${k}=v-${i}`).join("&");
    expect(parse(many("outlet", 51))).toEqual({ ok: false, error: { param: "outlet", message: "outlet must have at most 50 different values" } });
    expect(parse(many("person", 300))).toMatchObject({ ok: false, error: { param: "person" } });
    expect(parse(many("sources", 50)).ok).toBe(true);
  });

  it("accepts the same value repeated any number of times (it counts once)", () => {
    const r = parseSearchParams(new URLSearchParams(Array.from({ length: 500 }, () => "person=vladimir-putin").join("&")));
    expect(r.ok && r.query.person).toEqual(["vladimir-putin"]);
  });
});

describe("wordsQuery", () => {
  it("is the query a request with only words computes: relevance, grouped, page 1, default size", () => {
    expect(wordsQuery("giá vàng")).toEqual(parse("q=gi%C3%A1+v%C3%A0ng").ok && (parse("q=gi%C3%A1+v%C3%A0ng") as { query: unknown }).query);
    expect(wordsQuery("giá vàng")).toMatchObject({ q: "giá vàng", sort: "relevance", group: true, page: 1, size: EMPTY_QUERY.size });
  });
});
