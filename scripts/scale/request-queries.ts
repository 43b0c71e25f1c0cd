/** The ten searches scripts/scale/request-cpu.ts and bundle-search.ts ask: common words, names, places. */
export const REQUEST_QUERIES = [
  "giá vàng",
  "hòa bình",
  "Putin",
  "bóng đá",
  "thời tiết",
  "chứng khoán",
  "Hà Nội",
  "tai nạn giao thông",
  "Donald Trump",
  "học sinh",
];
