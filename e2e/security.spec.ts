import { expect, test, type Page } from "@playwright/test";
import { settled } from "./helpers";

/** Collects CSP violations: the browser's console reports and the DOM events. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test("every kind of response carries the security headers, and no X-Powered-By", async ({ request }) => {
  const page = await request.get("/?q=Putin");
  const html = await page.text();
  const css = /\/_next\/static\/[^"]+\.css/.exec(html)?.[0];
  expect(css).toBeTruthy();
  const responses = [
    page,
    await request.get("/api/search?q=Putin"),
    await request.get("/api/health"),
    await request.get("/khong-co-trang-nay"),
    await request.get(css!),
  ];
  for (const res of responses) {
    const h = res.headers();
    expect(h["x-content-type-options"], res.url()).toBe("nosniff");
    expect(h["referrer-policy"], res.url()).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], res.url()).toContain("camera=()");
    expect(h["x-powered-by"], res.url()).toBeUndefined();
  }
  for (const res of responses.slice(0, 4)) {
    const csp = res.headers()["content-security-policy"];
    expect(csp, res.url()).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(d);
  }
});

test("each page gets its own nonce, and every script in it carries that nonce", async ({ request }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/?q=Alaska");
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"])?.[1];
    expect(nonce).toBeTruthy();
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the search page hydrates under the CSP: typing searches without a reload, no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/");
  await settled(page);
  // Only the hydrated client app turns typing (without Enter) into a search.
  await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).fill("Alaska");
  await expect(page).toHaveURL(/[?&]q=Alaska/);
  await settled(page);
  await expect(page.getByTestId("result").first()).toBeVisible();
  await page.getByTestId("result").first().locator("h2 a").click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.locator("h1")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a results page asked again (sent as kept, lib/http/kept-pages.ts) has a fresh nonce in its header and every script, and hydrates", async ({
  browser,
}) => {
  const nonces: string[] = [];
  // Three asks, each from a new context (no browser cache, a new connection): with a server
  // process per core, at least two of them reach the same process, which sends its kept page.
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const response = await page.goto("/?q=gia+vang");
    expect(response!.status()).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"])![1];
    nonces.push(nonce);
    const inPage = [...(await response!.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(inPage.length).toBeGreaterThan(0);
    expect(new Set(inPage)).toEqual(new Set([nonce]));
    await settled(page);
    // Only the hydrated client app turns typing (without Enter) into a search.
    await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).fill("Alaska");
    await expect(page).toHaveURL(/[?&]q=Alaska/);
    expect(violations).toEqual([]);
    await context.close();
  }
  expect(new Set(nonces).size).toBe(3);
});

test("an unknown page is Vietnamese, says 404 and leads back to search", async ({ page }) => {
  const violations = await watchCsp(page);
  const res = await page.goto("/khong-co-trang-nay");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await page.getByRole("link", { name: "Quay lại trang tìm kiếm" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("result").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a path with broken percent-encoding is a 400 with a way back, not a 500", async ({ page, request }) => {
  const api = await request.get("/api/articles/%E0%A4%A");
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: { code: "invalid_parameter", param: "id" } });
  const res = await page.goto("/articles/%E0%A4%A");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Địa chỉ không hợp lệ" })).toBeVisible();
  await page.getByRole("link", { name: "Quay lại trang tìm kiếm" }).click();
  await expect(page.getByTestId("result").first()).toBeVisible();
});

test("when the API refuses a search, the page shows the API's own message", async ({ page }) => {
  await page.goto("/");
  await settled(page);
  // The real server gets a request the client would never build (size over 50).
  await page.route("**/api/search?**", (route) => route.continue({ url: `${route.request().url()}&size=999` }));
  await page.getByRole("combobox", { name: "Tìm kiếm tin tức" }).fill("Alaska");
  const alert = page.getByTestId("search-error");
  await expect(alert).toContainText("Không tải được kết quả");
  await expect(alert).toContainText("size");
});

test("the CSP is enforced: an injected inline event handler does not run and is reported", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/?q=Alaska");
  await settled(page);
  // What an injection into the HTML would look like; without 'unsafe-inline' it must not run.
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = '<img src="data:," onerror="window.pwned = 1">';
    document.body.append(div);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});
