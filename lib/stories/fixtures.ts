// Small articles for the story tests: one event told by two outlets, a copy of one of
// them, the same kind of event weeks later, and unrelated news.
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { mix, STRIDE } from "@/lib/stories/signature";
import { normalize } from "@/lib/text/analyzer";

export function storyArticle(id: string, date: string | null, outlet: string | null, title: string, paragraphs: string[], persons: string[] = []): Article {
  return testArticle({ id, date, outlet, title, paragraphs, persons, url: `https://example.vn/${id}` });
}

const FLOOD_FACTS = [
  "Mưa lớn kéo dài từ đêm 9/6 khiến nước sông Thu Bồn dâng cao, nhấn chìm hơn 2.000 ngôi nhà ở các huyện Đại Lộc, Duy Xuyên và thị xã Điện Bàn.",
  "Ông Đinh Văn Thu, Chủ tịch UBND tỉnh Quảng Nam, cho biết tỉnh đã sơ tán 5.300 hộ dân đến nơi an toàn và huy động lực lượng quân đội hỗ trợ người dân di dời tài sản.",
  "Theo Ban chỉ huy phòng chống thiên tai tỉnh, hai người đã thiệt mạng do bị nước cuốn trôi khi qua tràn, một người khác đang mất tích.",
];

/** Outlet A's report of the flood (2017-06-10). */
export const floodA = storyArticle(
  "flood-a",
  "2017-06-10",
  "Báo A",
  "Quảng Nam: lũ sông Thu Bồn nhấn chìm hơn 2.000 ngôi nhà",
  [
    ...FLOOD_FACTS,
    "Nhiều tuyến đường liên xã bị chia cắt, các trường học trên địa bàn phải cho học sinh nghỉ học để bảo đảm an toàn.",
    "Đài khí tượng thủy văn dự báo mưa còn tiếp diễn trong hai ngày tới, mực nước sông có thể vượt mức báo động ba.",
  ],
  ["Đinh Văn Thu"],
);

/** Outlet B's own report of the same flood, the next day: the same facts, other words around them. */
export const floodB = storyArticle(
  "flood-b",
  "2017-06-11",
  "Báo B",
  "Lũ lớn ở Quảng Nam, hai người thiệt mạng",
  [
    "Chiều 10/6, phóng viên ghi nhận nước lũ vẫn bủa vây nhiều thôn ven sông, người dân phải dùng thuyền để đi lại và tiếp tế lương thực.",
    ...FLOOD_FACTS,
    "Lực lượng cứu hộ đang tiếp tục tìm kiếm người mất tích dọc bờ sông, chính quyền địa phương đã hỗ trợ mì tôm và nước uống cho các hộ bị cô lập.",
  ],
  ["Đinh Văn Thu"],
);

/** Outlet C republishes outlet A's text word for word two days later. */
export const floodCopy = storyArticle("flood-copy", "2017-06-12", "Báo C", floodA.title, floodA.paragraphs, ["Đinh Văn Thu"]);

/** The same kind of story six weeks later: a new flood, much of the same wording. */
export const floodLater = storyArticle(
  "flood-later",
  "2017-07-25",
  "Báo A",
  "Quảng Nam: lũ sông Thu Bồn lại nhấn chìm hàng nghìn ngôi nhà",
  [
    "Mưa lớn kéo dài từ đêm 24/7 khiến nước sông Thu Bồn dâng cao, nhấn chìm hơn 1.500 ngôi nhà ở các huyện Đại Lộc, Duy Xuyên và thị xã Điện Bàn.",
    FLOOD_FACTS[1],
    "Nhiều tuyến đường liên xã bị chia cắt, các trường học trên địa bàn phải cho học sinh nghỉ học để bảo đảm an toàn.",
  ],
  ["Đinh Văn Thu"],
);

/** Unrelated news of the same days. */
export const football = storyArticle(
  "football",
  "2017-06-10",
  "Báo B",
  "U20 Việt Nam hòa New Zealand trong trận ra quân",
  [
    "Đội tuyển U20 Việt Nam đã có trận hòa không bàn thắng trước New Zealand tại vòng chung kết U20 thế giới diễn ra ở Hàn Quốc.",
    "Huấn luyện viên Hoàng Anh Tuấn cho biết các cầu thủ đã thi đấu đúng chiến thuật và sẽ hướng tới trận gặp Pháp sắp tới.",
  ],
  ["Hoàng Anh Tuấn"],
);

export const gold = storyArticle("gold", "2017-06-11", "Báo C", "Giá vàng trong nước tăng nhẹ", [
  "Sáng nay, giá vàng SJC tại Hà Nội được niêm yết ở mức 36,25 triệu đồng mỗi lượng mua vào và 36,45 triệu đồng mỗi lượng bán ra, tăng 50.000 đồng so với hôm qua.",
  "Trên thị trường thế giới, giá vàng giao ngay đứng ở mức 1.266 USD một ounce.",
]);

/**
 * writeSignature as it was first written, for tests of the fast paths: a window array, `matchAll`
 * over `/[\\p{L}\\p{M}\\p{N}]+/gu` and each syllable normalised and hashed (the murmur3 finaliser
 * `mix` did not change).
 */
export function signatureReference(text: string): Uint16Array {
  const out = new Uint16Array(STRIDE);
  const hash = (t: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const mins = new Uint32Array(64).fill(0xffffffff);
  const filled = new Uint8Array(64);
  const window: number[] = [];
  let count = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    window.push(hash(normalize(m[0])));
    if (window.length > 3) window.shift();
    if (window.length < 3) continue;
    let h = 0x811c9dc5;
    for (const w of window) h = mix(Math.imul(h ^ w, 0x01000193));
    const slot = h & 63;
    if (h >>> 6 < mins[slot]) mins[slot] = h >>> 6;
    filled[slot] = 1;
    count++;
  }
  out[64] = Math.min(count, 0xffff);
  for (let s = 0; s < 64; s++) {
    if (!count) {
      out[s] = 0xffff;
      continue;
    }
    let from = s;
    let step = 0;
    while (!filled[from]) {
      from = (from + 1) & 63;
      step++;
    }
    out[s] = (mins[from] + step * 0x9e37) % 0xffff;
  }
  return out;
}
