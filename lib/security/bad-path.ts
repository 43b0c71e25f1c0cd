import { plainPage } from "@/lib/http/plain-page";

/**
 * A path Next cannot decode (`/articles/%E0%A4%A`) makes `next start` answer a bare 500
 * before any route runs. proxy.ts answers these with a 400 instead.
 */
export function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The 400 for such a path: the API's JSON error shape, or a short Vietnamese page. */
export function badPathResponse(pathname: string, headers: Record<string, string>): Response {
  if (pathname.startsWith("/api/")) {
    const param = pathname.startsWith("/api/articles/") ? "id" : "path";
    return Response.json(
      { error: { code: "invalid_parameter", param, message: "The URL path is not valid percent-encoded UTF-8." } },
      { status: 400, headers },
    );
  }
  return plainPage(400, "Địa chỉ không hợp lệ", "Đường dẫn này có ký tự mã hóa sai nên không mở được.", headers);
}
