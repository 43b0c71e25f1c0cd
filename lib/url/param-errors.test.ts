import { describe, expect, it } from "vitest";
import { describeParamError, withoutParam } from "@/lib/url/param-errors";
import { parseSearchParams } from "@/lib/url/search-params";

describe("describeParamError / withoutParam", () => {
  it("explains an impossible date in Vietnamese and drops just that parameter", () => {
    const raw = { q: "Alaska", from: "2025-02-30", person: ["vladimir-putin", "donald-trump"] };
    const r = parseSearchParams(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(describeParamError(r.error)).toContain("Ngày bắt đầu");
    const fixed = withoutParam(raw, r.error.param);
    expect(fixed).toBe("/?q=Alaska&person=vladimir-putin&person=donald-trump");
    expect(parseSearchParams(new URL(fixed, "http://x").searchParams).ok).toBe(true);
  });
  it("drops both dates for a reversed range, and falls back to a clean search", () => {
    expect(withoutParam(new URLSearchParams("from=2025-09-01&to=2025-08-01"), "to")).toBe("/");
    expect(describeParamError({ param: "mystery", message: "" })).toContain("mystery");
  });
});
