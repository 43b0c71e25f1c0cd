// The words a grouped result uses for its story (Vietnamese counts take no plural).

/** `4 bài khác về sự kiện này` */
export function othersLabel(n: number): string {
  return `${n} bài khác về sự kiện này`;
}

/** `Đăng lại bởi 3 báo`: copies of this text folded under it. */
export function republishedLabel(n: number): string {
  return `Đăng lại bởi ${n} báo`;
}
