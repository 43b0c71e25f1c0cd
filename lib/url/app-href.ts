// An app path as next/link writes it into a link's `href` (this app has no base path and
// `trailingSlash` off): the pathname's trailing slash dropped, the query and hash kept
// ("/people/" → "/people", "/articles/?q=x" → "/articles?q=x"). AppLink writes its own
// `<a>`, so it applies what next/link's `addBasePath` would (app-href.test.ts checks the two
// agree), and a page's markup does not change with the component that writes the link.

/** `path` as next/link's `href` attribute: a trailing slash of a path's pathname removed. */
export function appHref(path: string): string {
  if (!path.startsWith("/")) return path;
  const hash = path.indexOf("#");
  const query = path.indexOf("?");
  const end = query > -1 && (hash < 0 || query < hash) ? query : hash > -1 ? hash : path.length;
  return end > 1 && path[end - 1] === "/" ? path.slice(0, end - 1) + path.slice(end) : path;
}
