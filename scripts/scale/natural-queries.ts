// Ten natural queries as people type them (topics, a name, without marks), shared by the
// scale scripts so that their timings and answer dumps cover the same searches.
export const NATURAL_QUERIES = [
  "giá vàng hôm nay",
  "bão số 5",
  "tai nan giao thong",
  "bóng đá Việt Nam",
  "thủ tướng",
  "hoa binh",
  "Donald Trump",
  "xổ số miền Bắc",
  "học sinh",
  "giá xăng tăng",
];
