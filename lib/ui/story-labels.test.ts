import { describe, expect, it } from "vitest";
import { othersLabel, republishedLabel } from "@/lib/ui/story-labels";

describe("story labels", () => {
  it("count other reports and copies", () => {
    expect(othersLabel(4)).toBe("4 bài khác về sự kiện này");
    expect(republishedLabel(3)).toBe("Đăng lại bởi 3 báo");
  });
});
