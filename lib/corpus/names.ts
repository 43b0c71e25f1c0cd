// Word lists behind the person rules (lib/corpus/people.ts). Lowercase, with marks.

/** Titles and honorifics that introduce a person's name: "Tổng thống Nga Vladimir Putin", "bà Leavitt". */
export const PERSON_TITLES = [
  "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy", "cậu", "mợ", "dì",
  "ngài", "quý ông", "quý bà", "tỷ phú", "triệu phú", "doanh nhân", "nhà báo", "phóng viên",
  "tổng thống", "phó tổng thống", "cựu tổng thống", "tân tổng thống", "thủ tướng", "phó thủ tướng", "cựu thủ tướng",
  "ngoại trưởng", "bộ trưởng", "thứ trưởng", "quyền bộ trưởng", "bộ trưởng ngoại giao", "bộ trưởng quốc phòng",
  "đặc phái viên", "đặc sứ", "đại sứ", "lãnh sự", "tổng lãnh sự", "người phát ngôn", "phát ngôn viên", "thư ký báo chí",
  "thư ký", "trợ lý", "cố vấn", "tổng bí thư", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "chủ tịch nước",
  "tổng thư ký", "tổng giám đốc", "giám đốc", "phó giám đốc", "chánh văn phòng", "chánh án", "viện trưởng",
  "cục trưởng", "phó cục trưởng", "vụ trưởng", "trưởng phòng", "trưởng ban", "trưởng đoàn", "hiệu trưởng", "nhà sáng lập",
  "nghị sĩ", "thượng nghị sĩ", "hạ nghị sĩ", "đại biểu", "thống đốc", "thị trưởng", "quốc vương", "nhà vua", "hoàng tử",
  "công chúa", "nữ hoàng", "giáo hoàng", "thủ lĩnh", "lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "tướng", "đại tướng",
  "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy",
  "trung úy", "thiếu úy", "binh nhì", "đô đốc", "chuẩn đô đốc", "giáo sư", "phó giáo sư", "gs", "pgs", "ts", "ths", "pgs.ts", "gs.ts",
  "tiến sĩ", "thạc sĩ", "bác sĩ", "bs", "luật sư", "kiến trúc sư", "kỹ sư", "nhà nghiên cứu", "chuyên gia", "nhà khoa học",
  "nghệ sĩ", "nsnd", "nsưt", "ca sĩ", "nhạc sĩ", "diễn viên", "đạo diễn", "người mẫu", "hoa hậu", "á hậu", "siêu mẫu",
  "mc", "nhà văn", "nhà thơ", "họa sĩ", "nhiếp ảnh gia", "vận động viên", "vđv", "cầu thủ", "tiền đạo", "tiền vệ",
  "hậu vệ", "trung vệ", "thủ môn", "huấn luyện viên", "hlv", "blv", "bình luận viên", "trọng tài", "võ sĩ", "golf thủ",
  "tay vợt", "kỳ thủ", "nhà vô địch", "ngôi sao", "danh thủ", "bị cáo", "bị can", "nghi phạm", "đối tượng", "nạn nhân",
  "người bị hại", "nhân chứng", "bệnh nhân", "sản phụ", "học sinh", "sinh viên", "hs", "giảng viên", "giáo viên",
  "cô giáo", "thầy giáo", "người đại diện", "phó chánh án", "kiểm sát viên", "điều tra viên", "cán bộ", "chiến sĩ",
  "linh mục", "hòa thượng", "thượng tọa", "đại đức", "nhà sư", "độc giả", "chủ tịch ubnd", "bầu",
  "đồng chí", "tên", "thanh tra", "giám khảo", "thí sinh", "công tố viên", "thẩm phán", "ủy viên", "tên là", "vợ", "chồng", "con trai", "con gái", "bố", "mẹ", "cha", "con rể", "bạn gái", "bạn trai",
];

/** Capitalised words that start a sentence but are not names (stripped from the front of a run). */
export const SENTENCE_WORDS = new Set([
  "theo", "trong", "tại", "khi", "sau", "trước", "nhưng", "tuy", "tuy nhiên", "các", "những", "một", "hai", "ba", "đây",
  "đó", "này", "ngày", "năm", "tháng", "người", "cùng", "với", "và", "nếu", "dù", "vì", "do", "để", "ở", "từ", "đến",
  "cho", "về", "là", "có", "không", "đã", "sẽ", "đang", "cũng", "còn", "hiện", "được", "bị", "lúc", "như", "hôm",
  "sáng", "chiều", "tối", "đêm", "rồi", "thế", "vậy", "ngoài", "bên", "trên", "dưới", "giữa", "qua", "mới", "vừa",
  "phía", "thay", "nhờ", "bởi", "tới", "gần", "riêng", "đặc", "biệt", "mặc", "thậm", "chính", "ngay", "chỉ", "hơn",
  "trái", "dẫu", "song", "hay", "hoặc", "đồng", "thời", "đối", "lời", "video", "clip", "ảnh", "nguồn", "tin", "bài",
  "tiếp", "xem", "đọc", "kết", "quả", "chuyện", "việc", "điều", "mọi", "nhiều", "mỗi", "tất", "cả", "cuối", "đầu",
  "giờ", "nay", "hiện nay", "quân", "lực", "đoàn", "tàu", "xe", "vụ", "cuộc", "lễ", "giải", "đội", "nhóm",
]);

/** Common Vietnamese family names: a capitalised run starting with one is likely a person. */
export const VN_SURNAMES = new Set([
  "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương",
  "lý", "đào", "đoàn", "vương", "trịnh", "trương", "đinh", "lâm", "phùng", "mai", "tô", "tạ", "hà", "lương", "lưu",
  "quách", "cao", "chu", "châu", "đàm", "giang", "hứa", "kiều", "khổng", "la", "lại", "lục", "mạc", "nghiêm", "ninh",
  "nông", "quan", "tăng", "thái", "thân", "tôn", "từ", "văn", "vi", "triệu", "sái", "âu", "bạch", "biện", "cù", "diệp",
  "doãn", "hàn", "khúc", "lã", "lò", "lữ", "mạnh", "phí", "phó", "tiêu", "trình", "ứng", "viên", "hầu", "công",
]);

/** Words that make a capitalised run an organisation, a place or a thing, never a person. */
export const NON_PERSON_WORDS = new Set([
  "bộ", "sở", "cục", "viện", "vụ", "ban", "ủy", "ubnd", "hđnd", "tổng", "trường", "bệnh",
  "tập", "đảng", "phủ", "hợp", "nhà", "điện", "tòa",
  "tand", "vks", "vksnd", "thpt", "thcs", "tp", "tp.", "tỉnh", "phố", "quận", "huyện", "phường", "xã", "sông",
  "núi", "biển", "đảo", "vịnh", "cảng", "sân", "bay", "chợ", "cầu", "đường", "lăng", "đền", "chùa", "giải", "cúp",
  "news", "times", "post", "social", "media", "group", "bank", "airlines", "airways", "league", "cup", "games", "tour",
  "club", "fc", "united", "utd", "city", "inc", "corp", "company", "university", "college", "institute", "journal", "daily",
  "magazine", "press", "street", "road", "center", "centre", "hotel", "resort", "festival", "awards", "show",
  "series", "iphone", "galaxy", "android", "windows", "facebook", "youtube", "google", "apple", "samsung", "microsoft",
  "instagram", "twitter", "tiktok", "truth", "nato", "eu", "un", "who", "asean", "apec", "fed", "imf", "wto", "opec",
  "is", "isis", "fbi", "cia", "kgb", "nasa", "sea", "v-league", "vff", "afc", "fifa", "uefa", "real", "madrid",
  "barcelona", "juventus", "chelsea", "arsenal", "liverpool", "manchester", "bayern", "roma", "milan", "inter",
  "zenit", "monaco", "psg", "celta", "vigo", "liga", "premier", "champions", "europa", "serie", "bundesliga",
  "olympic", "world", "grand", "prix", "open", "masters", "the", "of", "and", "mr", "ms", "playboy", "model",
  "báo", "kền", "vnexpress", "zing", "vtv", "vtc", "vov", "ttxvn", "reuters", "tass", "ap", "afp", "cnn", "bbc", "nbc", "rt",
  "ria", "bloomberg", "xinhua", "sputnik", "interfax", "zvezda", "yonhap", "kyodo", "kcna", "sana", "marca",
  "mundo", "deportivo", "guardian", "mail", "nightly", "hollywood", "reporter", "vinashinlines", "slna", "u23", "u.23",
  "hlv", "blv", "vđv", "clb", "lhp", "cannes", "oscar", "mwc", "thaad", "moto", "surface", "pro", "book", "plus",
  ]);

/** Places (countries, capitals, Vietnamese provinces) that precede a name as a qualifier: "Tổng thống Nga Vladimir Putin". */
export const PLACES = [
  "Mỹ", "Nga", "Anh", "Pháp", "Đức", "Ý", "Italy", "Nhật", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Trung Quốc", "Ấn Độ", "Úc",
  "Australia", "Canada", "Brazil", "Mexico", "Ukraine", "Belarus", "Ba Lan", "Hungary", "Bỉ", "Hà Lan", "Thụy Sĩ",
  "Thụy Điển", "Na Uy", "Phần Lan", "Đan Mạch", "Áo", "Séc", "Slovakia", "Romania", "Bulgaria", "Serbia", "Croatia",
  "Hy Lạp", "Thổ Nhĩ Kỳ", "Iran", "Iraq", "Syria", "Israel", "Palestine", "Gaza", "Liban", "Lebanon", "Ai Cập",
  "Ả Rập Xê Út", "Saudi Arabia", "Qatar", "Yemen", "UAE", "Afghanistan", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal",
  "Myanmar", "Thái Lan", "Lào", "Campuchia", "Malaysia", "Singapore", "Indonesia", "Philippines", "Brunei", "Đông Timor",
  "Việt Nam", "Châu Âu", "Châu Á", "Châu Phi", "Châu Mỹ", "Châu Úc", "Venezuela", "Argentina", "Chile", "Colombia", "Peru", "Cuba", "Nam Phi", "Nigeria", "Kenya", "Ethiopia",
  "Libya", "Algeria", "Kuwait", "Bahrain", "Oman", "Arab Saudi", "Ả Rập Saudi", "Saudi", "Maroc", "Tunisia", "Sudan", "Somalia", "Mông Cổ", "Kazakhstan", "Uzbekistan", "Armenia",
  "Azerbaijan", "Moldova", "Estonia", "Latvia", "Litva", "Lithuania", "Slovenia", "Albania", "Kosovo", "Ireland",
  "Scotland", "Tây Ban Nha", "Bồ Đào Nha", "New Zealand", "Đài Loan", "Hong Kong", "Hồng Kông", "Crimea", "Donetsk",
  "Kiev", "Kyiv", "Moscow", "Moskva", "Washington", "New York", "London", "Paris", "Berlin", "Bắc Kinh", "Tokyo", "Seoul",
  "Bình Nhưỡng", "Bangkok", "Phnom Penh", "Jakarta", "Manila", "Kuala Lumpur", "Brussels", "Geneva", "Rome", "Madrid",
  "Ankara", "Tehran", "Damascus", "Jerusalem", "Alaska", "Florida", "Texas", "California", "Nhà Trắng",
  "Điện Kremlin", "Kremlin", "Lầu Năm Góc", "Nhà Xanh", "Liên Hợp Quốc", "LHQ", "Liên minh châu Âu", "EU", "NATO",
  "Fed", "Hà Nội", "TP HCM", "TP.HCM", "TPHCM", "Sài Gòn", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Quảng Nam",
  "Quảng Ninh", "Quảng Ngãi", "Quảng Bình", "Quảng Trị", "Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Ninh Bình", "Nam Định",
  "Thái Bình", "Hà Nam", "Hà Tây", "Hưng Yên", "Hải Dương", "Bắc Ninh", "Bắc Giang", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai", "Yên Bái",
  "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Vĩnh Phúc", "Hòa Bình", "Sơn La", "Điện Biên", "Lai Châu", "Bình Định",
  "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
  "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long",
  "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Bà Rịa-Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Hà Đông", "Hoàng Mai", "Cầu Giấy", "Đống Đa", "Ba Đình", "Hoàn Kiếm", "Long Biên", "Tây Hồ", "Thanh Xuân", "Gò Vấp", "Bình Thạnh", "Thủ Đức", "Tân Bình", "Phú Nhuận",
];

/** Lunar years ("năm Đinh Dậu") look like family name + given name but are never people. */
export const CAN = new Set(["giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý"]);
export const CHI = new Set(["tý", "tí", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi"]);

/** Deities, festival figures and common nouns written like names ("ngành Công Thương"). */
export const NOT_PEOPLE = new Set(["công thương", "thần tài", "thân tài", "thổ địa", "thổ công", "táo quân", "ông táo", "thái tuế", "ngọc hoàng", "quan âm", "phật bà", "ông địa", "bà chúa xứ"]);
