// Queries typing a code (letters and digits: `U23`, `G20`, `H7N9`, `500kV`, `2,4-D`) or a model
// number (`iphone 8`), which the analyzer reads as joined words checked by position (rank21,
// docs/history/relevance-log.md): the latency set holds none, so these are timed on their own
// (`query-profile.ts --set codes`, `code-ab.ts --set codes`). Drawn from the judged sets' queries
// with a code and from the commonest codes `scripts/eval/number-spellings.ts` counts in the 35k
// archive, typed together, with a hyphen, apart and without marks as people type them.
export const CODE_QUERIES = [
  // The judged sets' queries with a code or a model number.
  "U21 Đức vô địch Euro",
  "U20 Anh vô địch",
  "U20 Việt Nam dự World Cup",
  "U23 Việt Nam đá SEA Games 29",
  "futsal U20 châu Á",
  "hội nghị ngoại trưởng G20",
  "Ivanka Trump ngồi ghế của cha ở G20",
  "cuộc gặp đầu tiên giữa Trump và Putin tại G20 ở Hamburg",
  "hội nghị G7 ở Italy",
  "thu hồi biển số 80B",
  "dịch cúm H7N9",
  "oanh tạc cơ B-1B",
  '"đa cấp" MB24',
  "đường dây 500kV mạch 3",
  '"xăng E5"',
  "tiêm kích Nga chặn P-8A",
  "Su-30 chặn máy bay WC-135",
  "xe tăng T-90 Việt Nam",
  "cấm Paraquat và 2,4-D",
  "my ban ha su-22 syria",
  "thiet ke iphone 8",
  "samsung note 7 fe",
  "galaxy note 8 ra mat",
  "nhà máy hút CO2",
  "tàu khu trục Type 055",
  // Common codes typed alone or in short queries, in the writings people use.
  "U23",
  "u23 viet nam",
  "U-20 World Cup",
  "G20",
  "U19 Việt Nam",
  "U22 Việt Nam",
  "mazda cx5",
  "PC45",
  "iPhone 8",
  "iphone8",
  "mạng 5G",
  "Airbus A320",
  "COVID19",
  "thuốc 2,4D",
];
