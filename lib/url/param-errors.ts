// What a person reads when a search link carries a bad parameter, and the way out: in
// Vietnamese, naming the parameter and its value, with a link that keeps everything else.
import type { ParamError, RawParams } from "@/lib/url/search-params";

const NAMES: Record<string, string> = {
  q: "Từ khóa tìm kiếm",
  from: "Ngày bắt đầu (from)",
  to: "Ngày kết thúc (to)",
  person: "Mã người (person)",
  outlet: "Mã báo (outlet)",
  sources: "Mã nguồn trích dẫn (sources)",
  undated: "Bài không rõ ngày (undated)",
  sort: "Cách sắp xếp (sort)",
  page: "Số trang (page)",
  size: "Số kết quả mỗi trang (size)",
  match: "Cách khớp từ khóa (match)",
  group: "Cách gộp bài cùng sự kiện (group)",
};

/** The schema's reasons (see search-params.ts), in Vietnamese. */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/must be a date written YYYY-MM-DD/, () => "phải là một ngày viết dạng năm-tháng-ngày, ví dụ 2025-08-01"],
  [/is not a real calendar date/, () => "không có trên lịch"],
  [/must not be before from/, () => "ở trước ngày bắt đầu"],
  [/must be a whole number from (\d+) to (\d+)/, (m) => `phải là số nguyên từ ${m[1]} đến ${m[2]}`],
  [/must be at most (\d+) characters/, (m) => `dài quá ${m[1]} ký tự`],
  [/must be at least (\d+)/, (m) => `phải từ ${m[1]} trở lên`],
  [/must be at most (\d+)/, (m) => `không được quá ${m[1]}`],
  [/must be one of (.+)/, (m) => `phải là một trong các giá trị: ${m[1]}`],
  [/must be an id as the API returns it/, () => "phải là một mã như vladimir-putin (chữ thường không dấu, nối bằng gạch ngang)"],
  [/is too long/, () => "quá dài"],
  [/is not valid percent-encoded UTF-8/, () => "có ký tự mã hóa sai (không phải UTF-8 hợp lệ)"],
  [/must have at most (\d+) different values/, (m) => `có quá nhiều giá trị khác nhau (tối đa ${m[1]})`],
  [/=only lists articles without a date/, () => "= only (chỉ bài không rõ ngày) không dùng cùng khoảng ngày from/to được"],
];

const SHOWN_VALUE_MAX = 40;

/**
 * A value as shown in the sentence: its invisible characters (controls, bidi marks and overrides,
 * zero-width joiners) written as `[U+200F]`, so the reader sees why it is refused, and a link
 * cannot turn the sentence around it (U+202E) or hide what it holds.
 */
function visible(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}]/gu, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}]`);
}

/** A Vietnamese sentence naming the bad parameter, its value and what is wrong with it. */
export function describeParamError(error: ParamError, raw?: RawParams): string {
  const name = NAMES[error.param] ?? `Tham số ${error.param}`;
  const reason = REASONS.map(([re, say]) => {
    const m = re.exec(error.message);
    return m && say(m);
  }).find(Boolean);
  const value = raw && error.param !== "q" ? badValue(raw, error.param) : undefined;
  const shown = value === undefined ? "" : ` “${visible(value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value)}”`;
  return `${name}${shown} ${reason ?? "không hợp lệ"}`;
}

/** The way out: the reversed dates swapped, else the same link without the bad parameter. */
export function fixFor(raw: RawParams, error: ParamError): { href: string; label: string } {
  if (error.param === "to" && /before from/.test(error.message)) {
    const from = badValue(raw, "from");
    const to = badValue(raw, "to");
    return { href: rewrite(raw, (k, v) => (k === "from" ? (to ?? v) : k === "to" ? (from ?? v) : v)), label: "Đổi chỗ hai ngày và tìm lại" };
  }
  return { href: withoutParam(raw, error.param), label: `Bỏ tham số ${error.param} và tìm lại` };
}

/** The same URL without one parameter; every other one is kept. */
export function withoutParam(raw: RawParams, param: string): string {
  return rewrite(raw, (k, v) => (k === param ? null : v));
}

function entriesOf(raw: RawParams): [string, string][] {
  return raw instanceof URLSearchParams
    ? [...raw.entries()]
    : // String values only (see valuesOf in search-params.ts: `?__proto__=` can put a function in a list).
      Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string").map((x): [string, string] => [k, x]));
}

/** The first non-empty value of a parameter: the one the schema judged. */
function badValue(raw: RawParams, param: string): string | undefined {
  return entriesOf(raw).find(([k, v]) => k === param && v.trim() !== "")?.[1];
}

function rewrite(raw: RawParams, map: (key: string, value: string) => string | null): string {
  const params = new URLSearchParams();
  for (const [k, v] of entriesOf(raw)) {
    const next = map(k, v);
    if (next !== null) params.append(k, next);
  }
  const qs = params.toString();
  return qs ? `/?${qs}` : "/";
}
