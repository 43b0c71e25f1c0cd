import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { entityTag, heldNonce, notModified, pageTag, searchTag, tagHash, type IndexVersion } from "@/lib/http/etag";
import { seedServiceEnv } from "@/lib/http/test-seeds";

const version: IndexVersion = { format: 1, analyzer: "2026-11-25.2", commit: "2026-11-25T17:00:00.000Z" };
const query = { q: "hoa binh", person: [], page: 1 };

describe("entity tags", () => {
  it("are the same for the same index, day and request, and differ when any of them changes", () => {
    const tag = searchTag(version, "2026-11-25", "api", query);
    expect(tag).toMatch(/^W\/"[\w-]{22}"$/);
    expect(searchTag({ ...version }, "2026-11-25", "api", { ...query })).toBe(tag);
    expect(searchTag({ ...version, commit: "2026-11-25T17:00:01.000Z" }, "2026-11-25", "api", query)).not.toBe(tag);
    expect(searchTag({ ...version, analyzer: "2026-11-26.1" }, "2026-11-25", "api", query)).not.toBe(tag);
    expect(searchTag({ ...version, format: 2 }, "2026-11-25", "api", query)).not.toBe(tag);
    expect(searchTag(version, "2026-11-26", "api", query)).not.toBe(tag);
    expect(searchTag(version, "2026-11-25", "page", query)).not.toBe(tag);
    expect(searchTag(version, "2026-11-25", "api", { ...query, page: 2 })).not.toBe(tag);
  });

  it("answer If-None-Match lists, weak or strong, and *", () => {
    const tag = entityTag(version, ["x"]);
    const opaque = tag.slice(2);
    expect(notModified(null, tag)).toBe(false);
    expect(notModified(tag, tag)).toBe(true);
    expect(notModified(opaque, tag)).toBe(true);
    expect(notModified(`"other", ${tag}`, tag)).toBe(true);
    expect(notModified(`"other"`, tag)).toBe(false);
    expect(notModified("*", tag)).toBe(true);
    expect(notModified(` , ${tag} ,`, tag)).toBe(true);
  });

  it("never match a malformed If-None-Match (RFC 9110's grammar), whatever tag it holds", () => {
    const tag = entityTag(version, ["x"]);
    const opaque = tag.slice(2);
    for (const header of [
      `W/${tag}`,
      `w/${opaque}`,
      `W/ ${opaque}`,
      tag.slice(0, -1),
      opaque.slice(1, -1),
      `${tag} ${tag}`,
      `*, ${tag}`,
      `${tag}, *`,
      `"a"b, ${tag}`,
    ]) {
      expect(notModified(header, tag), header).toBe(false);
    }
  });

  it("give a page's nonce back only to a client holding that page", () => {
    const hash = tagHash(version, ["page"]);
    const nonce = "0Q0w7zW9yE5WqDCXw8Iojw==";
    const fresh = () => "fresh";
    expect(heldNonce(pageTag(hash, nonce), hash, fresh)).toBe(nonce);
    expect(heldNonce(`W/"zzz", ${pageTag(hash, nonce)}`, hash, fresh)).toBe(nonce);
    expect(heldNonce(pageTag(tagHash(version, ["other"]), nonce), hash, fresh)).toBeNull();
    // Nothing but a nonce's characters may come back in a header.
    expect(heldNonce(`W/"${hash}.abc'; script-src *"`, hash, fresh)).toBeNull();
    expect(heldNonce(`W/${pageTag(hash, nonce)}`, hash, fresh)).toBeNull();
  });

  it("answer * for any current page with a fresh nonce, as the API answers it", () => {
    const hash = tagHash(version, ["page"]);
    expect(heldNonce("*", hash, () => "fresh")).toBe("fresh");
    expect(heldNonce(" * ", hash, () => "fresh")).toBe("fresh");
  });
});

describe("GET /api/search validators", () => {
  const corpus = seedServiceEnv("timtin-etag-");
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it("answers 304 to a client holding the answer, and a new tag once the index changed", async () => {
    const { GET } = await import("@/app/api/search/route");
    const { getSearchService } = await import("@/lib/search/service");
    const service = await getSearchService();
    const url = "http://localhost/api/search?q=hoa+binh";

    const first = await GET(new Request(url));
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag")!;
    expect(tag).toMatch(/^W\/"/);
    expect(first.headers.get("cache-control")).toBe("no-cache");

    const again = await GET(new Request(url, { headers: { "If-None-Match": tag } }));
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(tag);
    expect(await again.text()).toBe("");

    // The same request in another spelling of its parameters is the same normalised request.
    const same = await GET(new Request("http://localhost/api/search?q=hoa%20binh&page=1", { headers: { "If-None-Match": tag } }));
    expect(same.status).toBe(304);
    const other = await GET(new Request("http://localhost/api/search?q=hoa+binh&page=2", { headers: { "If-None-Match": tag } }));
    expect(other.status).toBe(200);

    // A live update: a new article in the corpus directory.
    const seed = readFileSync(path.join(corpus, "000_be94a817387f0ba4.txt"), "utf8");
    writeFileSync(path.join(corpus, "zzz_new.txt"), seed.replace(/\n/, "\nHòa bình trở lại.\n"));
    await service.index.update();
    const after = await GET(new Request(url, { headers: { "If-None-Match": tag } }));
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(tag);
    await service.index.close();
  });
});
