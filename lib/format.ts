// The one Vietnamese date style of the app: day/month/year in numbers, as Vietnamese
// readers write it ("7/8/2025" is 7 August), and "tháng 8/2025" for a month. Article dates
// are calendar dates, so they are formatted from the string: no time zone can shift a day.
// Counts use Vietnamese digit grouping (12.000).

const counts = new Intl.NumberFormat("vi-VN");

/** `12000` → `12.000`. */
export function formatCountVi(n: number): string {
  return counts.format(n);
}

/** `2025-08-07` → `7/8/2025`. */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y}`;
}

/** `2025-08` → `tháng 8/2025`. */
export function formatMonthVi(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `tháng ${m}/${y}`;
}
