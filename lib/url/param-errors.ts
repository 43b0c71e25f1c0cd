// What a person reads when a search link carries a bad parameter, and the way out.
import type { ParamError, RawParams } from "@/lib/url/search-params";

const WHAT: Record<string, string> = {
  q: "Từ khóa tìm kiếm quá dài (tối đa 200 ký tự)",
  from: "Ngày bắt đầu (from) không phải là một ngày hợp lệ dạng YYYY-MM-DD",
  to: "Ngày kết thúc (to) không hợp lệ hoặc trước ngày bắt đầu",
  person: "Mã người (person) không đúng dạng",
  outlet: "Mã báo (outlet) không đúng dạng",
  sources: "Mã nguồn trích dẫn (sources) không đúng dạng",
  undated: "Bài không rõ ngày (undated) phải là only hoặc exclude, và undated=only không đi cùng khoảng ngày",
  sort: "Cách sắp xếp (sort) phải là relevance, newest hoặc oldest",
  page: "Số trang (page) phải là số nguyên từ 1 đến 1000",
  size: "Số kết quả mỗi trang (size) phải từ 1 đến 50",
  match: "Cách khớp từ khóa (match) phải là all, any hoặc exact",
};

/** A Vietnamese sentence naming the bad parameter. */
export function describeParamError(error: ParamError): string {
  return WHAT[error.param] ?? `Tham số ${error.param} không hợp lệ`;
}

/** The same URL without the bad parameter (`to` before `from` drops both dates). */
export function withoutParam(raw: RawParams, param: string): string {
  const drop = new Set(param === "to" ? ["from", "to"] : [param]);
  const params = new URLSearchParams();
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
  for (const [k, v] of entries) if (!drop.has(k)) params.append(k, v);
  const qs = params.toString();
  return qs ? `/?${qs}` : "/";
}
