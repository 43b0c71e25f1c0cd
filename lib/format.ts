// Vietnamese display formats. Article dates are calendar dates (already in Vietnam's
// time zone), so they are formatted in UTC to avoid shifting a day.
const dayFormat = new Intl.DateTimeFormat("vi-VN", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("vi-VN", { month: "long", year: "numeric", timeZone: "UTC" });

/** `2025-08-07` → `7 tháng 8, 2025`. */
export function formatDateVi(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** `2025-08` → `tháng 8 năm 2025`. */
export function formatMonthVi(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
