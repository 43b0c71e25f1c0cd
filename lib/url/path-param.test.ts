import { describe, expect, it } from "vitest";
import { decodePathParam } from "@/lib/url/path-param";

describe("decodePathParam", () => {
  it("decodes a percent-encoded Vietnamese id once, and keeps undecodable input", () => {
    expect(decodePathParam("b%C3%A0i%20vi%E1%BA%BFt%201")).toBe("bài viết 1");
    expect(decodePathParam("baomoi-123")).toBe("baomoi-123");
    expect(decodePathParam("%E0%A4%A")).toBe("%E0%A4%A");
  });
});
