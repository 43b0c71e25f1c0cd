// The answer to a request Node's HTTP parser refuses (scripts/start.mjs's `clientError`): a
// request line and headers over its 16 KB limit, malformed syntax, an unknown method. Plain
// JavaScript because start.mjs runs under bare Node, before any TypeScript is loaded.

const STATUS = {
  HPE_HEADER_OVERFLOW: [
    431,
    "Request Header Fields Too Large",
    "Yêu cầu quá dài",
    "request_too_large",
    "The request line and headers are over 16 KB: shorten the query or the headers.",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "Yêu cầu đến quá chậm", "request_timeout", "The request did not arrive in time."],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Content Too Large", "Yêu cầu quá lớn", "request_too_large", "The request body's chunk extensions are too large."],
};
const OTHER = [400, "Bad Request", "Yêu cầu không hợp lệ", "bad_request", "The server could not parse this HTTP request."];

/** Paths whose own errors are JSON: the API (/api and below) and the feed (/feed). */
const JSON_ERRORS = /^[A-Z]+ \/(?:api(?:[/?# ]|$)|feed(?:[?# ]|$))/;

/**
 * The raw response (status line, headers, body) for a parser error. A program calling the API
 * or reading the feed parses the error it gets, so a request whose request line names /api/… or
 * /feed gets the API's JSON error; any other a short Vietnamese page. `rawPacket` is the bytes
 * Node had read: when it does not start with the request line (an overflow in a later chunk),
 * the page is sent. Keeping each connection's request line in JavaScript would mean reading
 * every connection's bytes there (a `data` listener turns Node's C++ reading off): it cost every
 * results page more CPU (docs/history/performance-log.md, qa31), for this one rare case.
 */
export function parserErrorResponse(code, rawPacket) {
  const [status, reason, title, apiCode, message] = STATUS[code] ?? OTHER;
  const line = rawPacket ? rawPacket.subarray(0, 64).toString("latin1") : "";
  const api = JSON_ERRORS.test(line);
  const body = Buffer.from(
    api
      ? JSON.stringify({ error: { code: apiCode, message } })
      : `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title} – Tìm tin</title>` +
          `<main><h1>${title}</h1><p>Máy chủ không đọc được yêu cầu này.</p><p><a href="/">Quay lại trang tìm kiếm</a></p></main></html>`,
  );
  const type = api ? "application/json" : "text/html; charset=utf-8";
  const head =
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n` +
    "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
  return Buffer.concat([Buffer.from(head), body]);
}
