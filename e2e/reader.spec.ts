// Issue 13: the page, right for every reader (typed dates, size and paging, keyboard,
// bad links, title and previews, badges, exclusions, snippets, credits, facet search).
import { expect, test, type Page } from "@playwright/test";
import { resultDates, settled, titles, total } from "./helpers";

/** Every address the page writes with pushState/replaceState, in order. */
async function recordUrls(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __urls: string[] };
    w.__urls = [];
    for (const name of ["pushState", "replaceState"] as const) {
      const original = history[name].bind(history);
      history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
        if (url) w.__urls.push(String(url));
        return original(data, unused, url);
      };
    }
  });
  return () => page.evaluate(() => (window as unknown as { __urls: string[] }).__urls);
}

test.describe("typed dates", () => {
  test("typed key by key, a date applies only once whole; the results stay meanwhile", async ({ page }) => {
    const urls = await recordUrls(page);
    await page.goto("/?q=Putin");
    await settled(page);
    const before = await titles(page);
    const from = page.getByLabel("Từ ngày");
    await from.click();
    for (const key of "0108202") {
      await page.keyboard.press(key);
      await expect(page.getByTestId("bad-params")).toHaveCount(0);
      expect(await titles(page)).toEqual(before);
    }
    await expect(from).toHaveValue("01/08/202");
    expect(new URL(page.url()).search).toBe("?q=Putin");
    await page.keyboard.press("5");
    await expect(from).toHaveValue("01/08/2025");
    await expect(page).toHaveURL(/\?q=Putin&from=2025-08-01$/);
    await settled(page);
    for (const d of await resultDates(page)) expect(d >= "2025-08-01").toBe(true);
    await expect(page.getByRole("link", { name: "Bỏ lọc ngày: Từ 1/8/2025" })).toBeVisible();

    const to = page.getByLabel("Đến ngày");
    await to.click();
    await page.keyboard.type("21082025", { delay: 30 });
    await expect(to).toHaveValue("21/08/2025");
    await expect(page).toHaveURL(/\?q=Putin&from=2025-08-01&to=2025-08-21$/);
    await settled(page);
    for (const d of await resultDates(page)) expect(d >= "2025-08-01" && d <= "2025-08-21").toBe(true);
    // No half-typed date ever reached the address.
    const written = (await urls()).map((u) => new URL(u, page.url()).searchParams);
    for (const params of written) {
      for (const end of ["from", "to"]) {
        const v = params.get(end);
        if (v !== null) expect(["2025-08-01", "2025-08-21"]).toContain(v);
      }
    }
  });

  test("an impossible date is flagged in the field and never applied", async ({ page }) => {
    await page.goto("/?q=Putin");
    await settled(page);
    const to = page.getByLabel("Đến ngày");
    await to.click();
    await page.keyboard.type("31022025");
    await expect(to).toHaveValue("31/02/2025");
    await expect(to).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Ngày không hợp lệ")).toBeVisible();
    expect(new URL(page.url()).search).toBe("?q=Putin");
    await expect(page.getByTestId("result").first()).toBeVisible();
    // Backspace does not bring the slash back, and emptying the field clears nothing else.
    await to.fill("");
    await expect(to).not.toHaveAttribute("aria-invalid");
  });

  test("one date style: d/m/yyyy on results, chips and quick ranges; a month bar is one chip", async ({ page }) => {
    await page.goto("/");
    await settled(page);
    const newest = (await resultDates(page))[0];
    const [y, m, d] = newest.split("-").map(Number);
    await expect(page.getByTestId("result").first().locator("time")).toHaveText(`${d}/${m}/${y}`);
    await expect(page.getByTestId("range-end")).toHaveText(`Tính đến ${d}/${m}/${y}, ngày của bài mới nhất`);
    expect(await page.locator("main").innerText()).not.toMatch(/tháng \d+ năm \d{4}|\d+ tháng \d+, \d{4}/);

    const bar = page.getByTestId("histogram").getByRole("link").first();
    const [, month, year] = /tháng (\d+)\/(\d{4})/.exec((await bar.getAttribute("aria-label")) ?? "") ?? [];
    await bar.click();
    await settled(page);
    const chips = page.getByTestId("active-filters").getByRole("listitem");
    await expect(chips).toHaveCount(1);
    await chips
      .first()
      .getByRole("link", { name: `Bỏ lọc ngày: Tháng ${month}/${year}` })
      .click();
    await expect(page).toHaveURL(/\/$/);
  });
});

test("size in the page URL sets the page length, and the pager keeps it", async ({ page }) => {
  await page.goto("/?q=Putin&size=2");
  await settled(page);
  const all = await total(page);
  expect(all).toBeGreaterThan(2);
  await expect(page.getByTestId("result")).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: "kết quả" })).toContainText("(hiển thị 1–2)");
  const pager = page.getByRole("navigation", { name: "Phân trang" });
  await expect(pager.getByRole("link", { name: `Trang ${Math.ceil(all / 2)}` })).toBeVisible();
  await pager.getByRole("link", { name: "Sau ›" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: "Putin", page: "2", size: "2" });
  await settled(page);
  await expect(page.getByTestId("result")).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: "kết quả" })).toContainText("(hiển thị 3–4)");
});

test("a page past the end says so and links to the last page", async ({ page }) => {
  await page.goto("/?q=Putin&page=5");
  const notice = page.getByTestId("past-end");
  await expect(notice).toContainText("Trang 5 không có kết quả");
  await expect(page.getByTestId("result")).toHaveCount(0);
  await notice.getByRole("link", { name: /Đến trang cuối/ }).click();
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);
  await expect(page.getByTestId("result").first()).toBeVisible();
  await expect(page.getByTestId("past-end")).toHaveCount(0);
});

test.describe("keyboard", () => {
  test("a skip link is the first Tab stop and leads to the results: the next Tab is the first result", async ({ page }) => {
    await page.goto("/?q=Putin");
    await settled(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Bỏ qua đến kết quả" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("result").first().locator("h2 a")).toBeFocused();
    expect(new URL(page.url()).hash).toBe("");
  });

  test("'/' jumps to the box from a focused checkbox, without ticking it", async ({ page }) => {
    await page.goto("/?q=Putin");
    await settled(page);
    const box = page.getByTestId("facet-person").getByRole("checkbox").first();
    await box.focus();
    await page.keyboard.press("/");
    await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toBeFocused();
    await expect(box).not.toBeChecked();
    expect(new URL(page.url()).search).toBe("?q=Putin");
  });
});

test.describe("bad links", () => {
  test("explain themselves in Vietnamese, keep the words in the box, and the fix keeps everything else", async ({ page }) => {
    await page.goto("/?q=Putin&person=vladimir-putin&from=2025-02-30");
    const alert = page.getByTestId("bad-params");
    await expect(alert).toContainText("Ngày bắt đầu (from) “2025-02-30” không có trên lịch.");
    await expect(alert).not.toContainText("calendar");
    await expect(page.getByRole("combobox", { name: "Tìm kiếm tin tức" })).toHaveValue("Putin");
    await alert.getByRole("link", { name: "Bỏ tham số from và tìm lại" }).click();
    await expect(page).toHaveURL(/\/\?q=Putin&person=vladimir-putin$/);
    await expect(page.getByTestId("result").first()).toBeVisible();
  });

  test("a reversed range is fixed by swapping the dates", async ({ page }) => {
    await page.goto("/?q=Putin&from=2025-09-01&to=2025-08-01");
    const alert = page.getByTestId("bad-params");
    await expect(alert).toContainText("Ngày kết thúc (to) “2025-08-01” ở trước ngày bắt đầu");
    await alert.getByRole("link", { name: "Đổi chỗ hai ngày và tìm lại" }).click();
    await expect(page).toHaveURL(/\/\?q=Putin&from=2025-08-01&to=2025-09-01$/);
    await expect(page.getByTestId("total")).toBeVisible();
  });
});

test("the tab names the search, the favicon loads, Open Graph previews the search, and nothing fails", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
  });
  await page.goto("/?q=Putin");
  await expect(page).toHaveTitle("Putin – Tìm tin");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Putin – Tìm tin");
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /^\d+ bài báo cho “Putin” trên Tìm tin$/);
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "Tìm tin");
  const icon = (await page.locator('link[rel="icon"]').first().getAttribute("href")) ?? "";
  const res = await page.request.get(icon);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/");

  const box = page.getByRole("combobox", { name: "Tìm kiếm tin tức" });
  await box.fill("Alaska");
  await box.press("Enter");
  await expect(page).toHaveTitle("Alaska – Tìm tin");
  await page.getByRole("button", { name: "Xóa nội dung tìm kiếm" }).click();
  await expect(page).toHaveTitle("Tìm tin");
  expect(errors).toEqual([]);
});

test.describe("the 'ước tính' badge", () => {
  test("explains itself from the keyboard", async ({ page }) => {
    await page.goto("/");
    const badge = page.getByRole("button", { name: "ước tính" }).first();
    await badge.focus();
    await page.keyboard.press("Enter");
    await expect(badge).toHaveAttribute("aria-expanded", "true");
    const note = page.getByRole("note").filter({ hasText: "Ngày được suy ra từ nội dung bài" });
    await expect(note).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(note).toBeHidden();
  });

  test.describe("on a touch screen", () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    test("explains itself on a tap", async ({ page }) => {
      await page.goto("/");
      const badge = page.getByRole("button", { name: "ước tính" }).first();
      await badge.tap();
      await expect(page.getByRole("note").filter({ hasText: "Ngày được suy ra từ nội dung bài" })).toBeVisible();
    });
  });
});

test("an exclusion that removes every article says so and offers the search without it", async ({ page }) => {
  await page.goto("/?q=Putin+-trump");
  await expect(page.getByTestId("total")).toHaveText("0 kết quả");
  const notice = page.getByTestId("excluded-all");
  await expect(notice).toContainText("“-trump” đã loại hết");
  await notice.getByRole("link", { name: "Tìm “Putin” không loại trừ" }).click();
  await expect(page).toHaveURL(/\?q=Putin$/);
  await settled(page);
  expect(await total(page)).toBeGreaterThan(0);

  await page.goto("/?q=-trump");
  await expect(page.getByTestId("excluded-all")).toContainText("đã loại hết");
});

test("a derived title is not repeated in the snippet under it", async ({ page }) => {
  for (const url of ["/", "/?q=Putin", "/?q=Trump"]) {
    await page.goto(url);
    await settled(page);
    for (const result of await page.getByTestId("result").all()) {
      const title = ((await result.locator("h2").textContent()) ?? "").replace(/…$/, "");
      const snippet = (await result.getByTestId("snippet").textContent()) ?? "";
      expect(snippet.length).toBeGreaterThan(0);
      expect(snippet).not.toContain(title);
    }
  }
});

test("a photo credit is not a cited source", async ({ page, request }) => {
  // Seeds 001 and 002 credit Reuters for their lead photo only: "(Ảnh: Reuters)".
  await page.goto("/");
  await expect(page.getByTestId("facet-sources").getByText("Reuters", { exact: true })).toHaveCount(0);
  const article = await (await request.get("/api/articles/001_549642865c4a8d5b")).json();
  expect(article.sources).toEqual([]);
  expect(article.photoCredits).toEqual([{ id: "reuters", name: "Reuters" }]);
  await page.goto("/articles/001_549642865c4a8d5b");
  await expect(page.getByTestId("photo-credits")).toHaveText("Ảnh: Reuters");
});

test.describe("facet filter boxes", () => {
  test("search every value on the server, with counts that honour the other filters", async ({ request }) => {
    const all = await (await request.get("/api/facets?facet=person&facetQuery=putin")).json();
    expect(all.values).toContainEqual({ id: "vladimir-putin", name: "Vladimir Putin", count: expect.any(Number) });
    const outlet = (await (await request.get("/api/search")).json()).facets.outlets[0].id as string;
    const narrowed = await (await request.get(`/api/facets?facet=person&facetQuery=putin&outlet=${outlet}`)).json();
    const filtered = await (await request.get(`/api/search?person=vladimir-putin&outlet=${outlet}`)).json();
    expect(narrowed.values.find((v: { id: string }) => v.id === "vladimir-putin")?.count ?? 0).toBe(filtered.total);
    const bad = await request.get("/api/facets?facet=month");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.param).toBe("facet");
  });

  test("the 'Lọc…' box lists what the server finds", async ({ page }) => {
    await page.goto("/");
    const facet = page.getByTestId("facet-person");
    const answer = page.waitForResponse((r) => r.url().includes("/api/facets?") && r.url().includes("facetQuery=tru"));
    await facet.getByRole("textbox").fill("tru");
    const { values } = (await (await answer).json()) as { values: { name: string }[] };
    expect(values.length).toBeGreaterThan(0);
    await expect(facet.locator("label span:first-of-type")).toHaveText(values.map((v) => v.name));
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("after ticking a filter, 'Xem N kết quả' closes the panel and shows the results", async ({ page }) => {
    await page.goto("/?q=Putin");
    const toggle = page.getByRole("button", { name: /Bộ lọc/ });
    await toggle.click();
    await page.getByTestId("facet-person").getByRole("checkbox").first().check();
    await expect(page).toHaveURL(/person=/);
    await settled(page);
    const n = await total(page);
    const show = page.getByRole("button", { name: `Xem ${n} kết quả` });
    await expect(show).toBeVisible();
    await show.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByTestId("facet-date")).toBeHidden();
    await expect(page.getByTestId("result").first()).toBeInViewport();
  });
});
