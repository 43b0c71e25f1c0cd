// A short Vietnamese HTML page for the answers the middleware gives before any route renders
// (a path that does not decode, a method no page takes): readable without JavaScript, in the
// product's language, with the way back to the search.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** The page's HTML: a title (also its heading) and one sentence. */
export function plainPageHtml(title: string, text: string): string {
  return (
    `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${escapeHtml(title)} – Tìm tin</title>` +
    `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` +
    '<p><a href="/">Quay lại trang tìm kiếm</a></p></main></html>'
  );
}

/** That page as a response with `status` and `headers`. */
export function plainPage(status: number, title: string, text: string, headers: Record<string, string>): Response {
  return new Response(plainPageHtml(title, text), { status, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
