// People named in an article: rules over capitalised word runs and the titles that introduce
// people, plus a small list of well-known people (data/people.json). Mentions are merged
// within the article: "ông Trump" → Donald Trump, "HLV Bảo Quân" → Nguyễn Bảo Quân.
import outletsJson from "@/data/outlets.json";
import peopleJson from "@/data/people.json";
import * as charClass from "@/lib/corpus/char-class";
import * as phraseEnds from "@/lib/corpus/ends-with-phrase-set";
import { englishLevel } from "@/lib/corpus/english-words";
import { lineUpItems } from "@/lib/corpus/line-ups";
import { besideScore } from "@/lib/corpus/match-score";
import { modelNumberAfter } from "@/lib/corpus/model-number";
import { footballPiece, sportsPiece } from "@/lib/corpus/sport-piece";
import * as nameLists from "@/lib/corpus/names";
import { mapPacked } from "@/lib/corpus/packed";
import { gluedSurname, nameWords, opensWithInitial, spacedInitial, writtenName } from "@/lib/corpus/initials";
import { foldMarks, personSlug, slugify } from "@/lib/corpus/text";
import * as syllables from "@/lib/corpus/vn-syllable";
import type { Entity } from "@/lib/corpus/types";
import { matchesNotAfter } from "@/lib/text/match-not-after";

// Local bindings, read once: under the CommonJS transform the index build runs with (tsx), every
// use of an imported binding is a getter call, and these are used per word of every article.
const { CAN, CHI, NON_PERSON_WORDS, NOT_PEOPLE, PERSON_TITLES, PLACES, SENTENCE_WORDS, VN_SURNAMES } = nameLists;
const { allCapitals, capitalRuns, hasCapitalPair, lowerWordAfter, wordAfter, wordsBefore } = charClass;
const { isVietnameseSyllable } = syllables;
const { endsWithPhrase, firstPhrase, lastWordBefore, lastWordsOf, phrasesBefore, phrasesOf } = phraseEnds;

interface KnownPerson {
  name: string;
  variants: string[];
  /** One-word forms that identify the person on their own ("Putin"). */
  short: string[];
}

const KNOWN: KnownPerson[] = peopleJson;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const TITLE_SET = new Set(PERSON_TITLES);
const HONORIFICS = new Set(["ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy", "ngài"]);
/**
 * Titles only people take: clubs and companies follow sports and business titles ("HLV Barca",
 * "Chủ tịch Vingroup"), never these, so a one-word foreign name after one is a person.
 */
const PERSON_ONLY_TITLES = new Set(
  [
    ...HONORIFICS,
    "tổng thống",
    "thủ tướng",
    "ngoại trưởng",
    "bộ trưởng",
    "nghị sĩ",
    "thượng nghị sĩ",
    "thái tử",
    "hoàng tử",
    "công chúa",
    "công nương",
    "nữ hoàng",
    "quốc vương",
    "nhà vua",
    "vua",
    "nhật hoàng",
    "thiên hoàng",
    "giáo sư",
    "tiến sĩ",
    "bác sĩ",
    "ca sĩ",
    "diễn viên",
    "người mẫu",
    "nhạc sĩ",
    "đạo diễn",
    "tài tử",
    "giám khảo",
    "thí sinh",
    "tay vợt",
    "võ sĩ",
    "tay đua",
    // Spouses, lovers and siblings: clubs and companies are no one's ("ông xã Hari Won", "em trai Jon").
    "ông xã",
    "bà xã",
    "người yêu",
    "anh trai",
    "chị gái",
    "em trai",
    "em gái",
    "danh hài",
    // Children: clubs and companies are never someone's son or daughter ("con trai Sushi", "bé gái Harper").
    "con trai",
    "con gái",
    "bé",
    "bé trai",
    "bé gái",
    "cậu bé",
    "cô bé",
    "cháu bé",
    "quý tử",
    "ái nữ",
    "nhóc tỳ",
  ].flatMap(nameLists.withSyVariant),
);
/** Outlet names ("phóng viên Dân Việt") are never people. */
const OUTLET_NAMES = new Set(Object.values(outletsJson).map((o) => foldMarks(o.name)));
const TRAILING_TITLES = new Set(["ông", "bà", "chị", "cô", "cụ", "chú", "bác", "ngài", "thầy", "hlv", "blv", "gs", "ts", "ths", "bs", "mc", "sheikh", "sheik"]);
const IN_RUN_TITLES = new Set([
  "sheikh",
  // The same honorific spelt without its h ("Sheik Tamim", 4 articles of the 35k corpus).
  "sheik",
  "emir",
  // Khmer honorifics, dropped like "Sheikh": "Samdech Heng Samrin", "Samdech Techo Hun Sen" (in the
  // corpus 56 times, always before a name).
  "samdech",
  "techo",
  // Shiite clergy's rank, written before the name: "Ayatollah Ali Khamenei" is Ali Khamenei.
  "ayatollah",
  "hoàng thân",
  "thái tử",
  "ông",
  "bà",
  "anh",
  "chị",
  "cô",
  "chú",
  "bác",
  "cụ",
  "em",
  "cháu",
  "thầy",
  "ngài",
  "hlv",
  "blv",
  "gs",
  "ts",
  "ths",
  "bs",
  "mc",
  "nsnd",
  "nsưt",
  "vđv",
  "hs",
  "bầu",
  "tướng",
  "đb",
  // A child written with the capital that opens a sentence or a caption: "Bé Tấn Đức" is Tấn Đức, as
  // "bé Tấn Đức" is. Not "Vua": it opens nicknames as often as kings ("Vua Muay Thái", "Vua Sư Tử").
  "bé",
]);
/**
 * What a run says before a segment: an organisation's word ("Bộ", "Instagram Cường Đô La": a
 * person may follow it in the same run) or a company's, whose name follows ("Cty Hoàng Quân").
 */
type AfterOrg = false | "org" | "company";
/** Company words in a capitalised run: the name after them is the company's, a place word's sense. */
const COMPANY_WORDS = new Set(["cty", "ctcp"]);
/** A company's word right before a run that opens with its legal form ("Công ty TNHH …"). */
const COMPANY_BEFORE = /(?:công ty|cty) $/iu;
/** A company's legal form, in capitals after the company word ("Cty TNHH", "Công ty CP"). */
const COMPANY_FORMS = new Set(["tnhh", "mtv", "cp", "tmcp", "jsc"]);
/** Makers whose name opens a product's ("Ferrari Enzo", "Jaguar D-Type"): such a run is no person. */
const PRODUCT_MAKERS = new Set([
  "ferrari",
  "lamborghini",
  "porsche",
  "porche",
  "jaguar",
  "bentley",
  "mercedes",
  "mercedes-benz",
  "rolls-royce",
  "bugatti",
  "maserati",
  "mclaren",
  "toyota",
  "hyundai",
  "kia",
  "mazda",
  "chevrolet",
  "audi",
  "lexus",
  "nissan",
  "mitsubishi",
  "cadillac",
  "volkswagen",
  "volvo",
  "peugeot",
  "renault",
  "subaru",
  "isuzu",
  "vinfast",
  "yamaha",
  "ducati",
  "kawasaki",
  "piaggio",
  "vespa",
]);
/**
 * Makers whose name opens a product's only when a model follows ("Tata Nano", "Ford Ranger");
 * alone they may be a person's surname ("Honda" of Keisuke Honda).
 */
const MODEL_MAKERS = new Set([
  "tata",
  "pontiac",
  "plymouth",
  "ford",
  "honda",
  "suzuki",
  "fiat",
  "dodge",
  "jeep",
  "skoda",
  "opel",
  "citroen",
  "daewoo",
  "tesla",
  "boeing",
  "airbus",
]);
/**
 * A capitalised word and the lowercase word after it that make an organisation's or a field's
 * name ("Trưởng Công an", "Đội Cảnh sát", "Đoàn Thể thao", "Chánh Thanh tra"): the run before
 * them is no person's name.
 */
const ORG_COMPOUNDS = new Set([
  "công an",
  "thanh tra",
  "quản lý",
  "cảnh sát",
  "thể thao",
  "truyền hình",
  "truyền thông",
  "phát thanh",
  "kiểm sát",
  "hải quan",
  "biên phòng",
  "quân đội",
  "giáo dục",
  "kinh tế",
  "văn hóa",
  "tài chính",
  "điều tra",
  "thị trường",
  "khí tượng",
  "quan hệ",
  // "Trình Chính phủ …" opening a heading: the government, not a man named Trình Chính.
  "chính phủ",
]);
/** Organisation acronyms that are also name parts when not written in capitals ("Kim Jong Un" / "UN"). */
const CAPITALS_ONLY = new Set(["un", "who", "is", "eu", "sea", "ap", "rt", "fed", "show", "book"]);
// "Vịnh" heads a bay ("Vịnh Hạ Long") but ends given names ("Shin Hồng Vịnh", "Nguyễn Đức Vịnh").
const GIVEN_NAME_ORG_WORDS = new Set(["trường", "hợp", "vịnh", "hội"]);
/** Units whose name follows their acronym: "Đội CSGT An Lạc", "Phòng CSĐT …", "Đoàn TNCS Hồ Chí Minh". */
const UNIT_WORDS = new Set(["đội", "phòng", "đoàn", "đồn"]);
/** Words that open the name of a department, a unit or a group ("Khoa Nhi", "Đội Hình sự", "Nhóm Pháo binh"); not "Tổ" ("Mặt trận Tổ quốc"). */
const DEPARTMENT_WORDS = new Set(["khoa", "đội", "nhóm"]);
// "Tập" heads a conglomerate only as "Tập đoàn"; elsewhere it is a family name ("Tập Cận Bình").
const ORG_ONLY_BEFORE = new Map([["tập", "đoàn"]]);
/** A street's word in lower case right before a name, not a city's ("thành phố"). */
const STREET_LIST_BEFORE = /(?<![\p{L}\p{M}])(?<!thành )(?:đường|phố|ngõ|hẻm|đại lộ) $/u;
/** Street words, after which a list of names is a list of streets ("đường Nguyễn Đức Cảnh và Nguyễn Quốc Trị"). */
const STREET_WORDS = new Set([
  "đường",
  "phố",
  "ngõ",
  "hẻm",
  "đại lộ",
  "ngã ba",
  "ngã tư",
  "ngã năm",
  "ngã sáu",
  "các đường",
  "các phố",
  "tuyến phố",
  "tuyến đường",
]);
/** Words before a run that make it a place or a thing named after a person: "đường Nguyễn Trãi". */
const PLACE_BEFORE_SET = new Set([
  "thành phố",
  "tp",
  "tp.",
  "tỉnh",
  "huyện",
  "quận",
  "phường",
  "xã",
  "thị xã",
  "thị trấn",
  "đường",
  "phố",
  "ngõ",
  "hẻm",
  "trường",
  "thpt",
  "thcs",
  "chuyên",
  "cầu",
  "chợ",
  "sân",
  "lăng",
  "đền",
  "chùa",
  "bến",
  "ga",
  "công viên",
  "tượng đài",
  "sông",
  "núi",
  "đảo",
  "làng",
  "thôn",
  "ấp",
  "khu",
  "tư tưởng",
  // "tấm gương đạo đức Hồ Chí Minh": a doctrine's word, like "tư tưởng" ("phong cách" only in the slogan's list: DOCTRINE_LIST).
  "đạo đức",
  "giải",
  "cúp",
  "quỹ",
  "trung tâm",
  "bệnh viện",
  "học viện",
  "nhà thờ",
  "bảo tàng",
  "vùng",
  "miền",
  "phim",
  "cuốn",
  "bài hát",
  "ca khúc",
  "chương trình",
  "cuộc thi",
  "dự án",
  "công ty",
  "cty",
  // A company's legal form written out: "Công ty Trách nhiệm hữu hạn Châu Đại Dương", "Công ty Cổ phần Đại Dương".
  "hữu hạn",
  "cổ phần",
  "tập đoàn",
  "đội bóng",
  "đội tuyển",
  "clb",
  "câu lạc bộ",
  "tàu",
  "hãng",
  "nhãn hiệu",
  "thương hiệu",
  "mạng xã hội",
  "ứng dụng",
  "đại lộ",
  // Organisations and things named after people or sharing their shape.
  "tổ chức",
  "nhóm",
  "phong trào",
  "lực lượng",
  "liên minh",
  "đảng",
  "đội",
  "tờ",
  "báo",
  "kênh",
  "đài",
  "hãng tin",
  "tạp chí",
  "xe",
  "siêu xe",
  "mẫu xe",
  "dòng xe",
  "máy bay",
  "tên lửa",
  "tàu sân bay",
  "chiến hạm",
  "ngân hàng",
  "thủ đô",
  "hệ thống",
  "khách sạn",
  "nhà hàng",
  "quán",
  "siêu thị",
  "cửa hàng",
  "nhà máy",
  "trang trại",
  "hạt",
  "bang",
  "dinh",
  "cung điện",
  "lâu đài",
  // Vessels and venues named after people: "tàu sân bay USS Ronald Reagan", "sân nhà Santiago Bernabeu".
  "uss",
  "hms",
  "hmas",
  "ins",
  "hàng không mẫu hạm",
  "tàu ngầm",
  "tàu khu trục",
  "khu trục hạm",
  "tuần dương hạm",
  "tàu chiến",
  "du thuyền",
  "sân bay",
  "sân vận động",
  "svđ",
  "sân nhà",
  "thánh địa",
  "phố cổ",
  // A bus stop named after its street: "nhà chờ Vũ Ngọc Phan".
  "nhà chờ",
  // Universities, branches, crossroads, festivals, martial arts schools and chips named like people.
  "đại học",
  "khu vực",
  "chi nhánh",
  "ngã ba",
  "ngã tư",
  "ngã năm",
  "ngã sáu",
  "lễ",
  "lễ hội",
  "môn võ",
  "môn phái",
  "võ phái",
  "chip",
  // Where something happens, and a club a player leaves or joins: "thi đấu tại Mito Hollyhock",
  // "rời Sam Mames", "sang Anzhi Makhachkala" (the labelled sets: 216 such names, one a person).
  "tại",
  "rời",
  "sang",
  // Which realm or lineage: "xứ Wales", "xứ sở Kim Chi", "đế chế La Mã", "vương quốc Tonga",
  // "dòng họ Lê Quang", "gia tộc Rothschild" (in the labelled articles, no name right after
  // "xứ" or "vương quốc" is a person: `npx tsx scripts/people-context.ts`). Not "triều đại", a
  // coach's era too ("triều đại Jose Mourinho").
  "xứ",
  "xứ sở",
  "vương quốc",
  "đế chế",
  "đế quốc",
  "dòng họ",
  "gia tộc",
  // Orders and doctrines named after a person: "Huân chương Hồ Chí Minh", "chủ nghĩa Mác".
  "huân chương",
  "chủ nghĩa",
  // A role an actor plays: "vào vai Tôn Ngộ Không", "nổi tiếng với vai Phan Hải" (a character, not
  // a person; "lên vai", "sánh vai" are shoulders, so only the verbs of acting).
  "vào vai",
  "đóng vai",
  "thủ vai",
  "nhận vai",
  "trong vai",
  "với vai",
  "cho vai",
  "nhờ vai",
]);

/**
 * Memorials, awards and doctrines named after a titled person: "viếng Lăng Chủ tịch Hồ Chí Minh",
 * "lăng vua Tự Đức", "tượng đài Đại tướng Võ Nguyên Giáp". A title right after one of these names
 * the thing after the person, not the person (`titleNamesThing`).
 */
const NAMED_AFTER_TITLED = new Set([
  // Only words that name nothing else before a title: not "đường" ("trên đường ông …"), "cầu"
  // ("yêu cầu"), "tượng" ("ấn tượng"), "trường" ("thị trường") or "giải" ("lý giải").
  "lăng",
  "lăng mộ",
  "đền",
  "đền thờ",
  "miếu",
  "bức tượng",
  "tượng đài",
  "bảo tàng",
  "nhà lưu niệm",
  "khu lưu niệm",
  "khu di tích",
  "nhà tưởng niệm",
  "đại lộ",
  "giải thưởng",
  "huân chương",
  "huy chương",
  "quỹ",
  "học bổng",
  "tư tưởng",
  "chủ nghĩa",
]);

/**
 * Whether the title `prefix` ends with (a phrase of TITLE_SET) stands right after a word of
 * NAMED_AFTER_TITLED: "Lăng Chủ tịch ", "lăng bà ", "tượng đài Đại tướng ".
 */
function titleNamesThing(prefix: string): boolean {
  const phrases = phrasesBefore(prefix);
  let n = 0;
  for (let i = 0; i < phrases.length; i++) if (TITLE_SET.has(phrases[i])) n = i + 1;
  if (n === 0) return false;
  // The text before the title's n words.
  let end = prefix.length;
  for (let i = 0; i < n; i++) {
    while (end > 0 && prefix[end - 1] === " ") end--;
    end = prefix.lastIndexOf(" ", end - 1) + 1;
  }
  // `firstPhrase` and `phrasesOf`, not `endsWithPhrase`: the shorter text would push the prefix
  // out of the caches that the segment's next questions about the prefix read. Most words before
  // a title end no phrase of the set: the longer phrases only for those that do.
  const rest = prefix.slice(0, end);
  const last = firstPhrase(rest);
  if (last === null || (last !== "" && !lastWordsOf(NAMED_AFTER_TITLED).has(last))) return false;
  return phrasesOf(rest).some((p) => NAMED_AFTER_TITLED.has(p));
}

/** A dynasty's or an era's word before a family name: "Triều Nguyễn", "Thời Lý". */
const DYNASTY_WORDS = new Set(["triều", "thời", "đời"]);

/** A letter (a word goes on). */
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Where: "ở Hà Thành", "bị loại khỏi Real Madrid"; what one joins: "gia nhập Preston North End",
 * "khoác áo Bastia" (join, wear a club's shirt). In the labelled articles no name right after
 * these is a person (`people-context.ts`), but the archive has a few ("thấy ở Kimmich", "nằm ở Jose
 * Mourinho"): the name is placed here and counted bare in the archive, like `near`. A medium one
 * posts or speaks on: "chia sẻ trên Sportske Novosti", "viết trên Twitter" (in the corpus these verbs
 * and "trên" stand before media only; "trên" alone also means above: "phía trên Djokovic").
 */
const WEAK_PLACE_BEFORE = new Set([
  "ở",
  "khỏi",
  "gia nhập",
  "khoác áo",
  "chia sẻ trên",
  "đăng trên",
  "đăng tải trên",
  "viết trên",
  "đưa tin trên",
  "cho biết trên",
  "phát biểu trên",
  "trả lời trên",
  "tiết lộ trên",
  "bình luận trên",
]);

/** Words that end with a title's last word but introduce no one: "nhóm khủng bố Abu Sayyaf", "công bố". */
const NOT_TITLES = new Set(["khủng bố", "công bố", "tuyên bố", "phân bố"]);

/**
 * Heads of a thing's or a place's name that take lowercase words before the name: "dòng xe
 * sang Flying Spur", "tàu du lịch Celebrity Millennium" (not "tàu du lịch biển quốc tế …": five words),
 * "vai phản diện Trương Lực" (a character), "bệnh viện tư nhân Hoàng Viết Thắng".
 */
const THING_HEADS = new Set([
  "xe",
  "tàu",
  "du thuyền",
  "máy bay",
  "phim",
  "serie",
  "series",
  "ca khúc",
  "bài hát",
  "album",
  "mv",
  "gói",
  "quán",
  "nhà hàng",
  "khách sạn",
  "màn hình",
  "đồng hồ",
  "hóa chất",
  "sản phẩm",
  "nhãn hàng",
  "thương hiệu",
  "vai",
  "công ty",
  "cty",
  "bệnh viện",
  "chùa",
  "đồi",
  "núi",
  "vệ tinh",
]);
/** Words that end the lowercase words after a thing's head: a name after them is not the thing's ("xe của ông …"). */
const THING_GAP_STOPS = new Set(
  "của cho với và là bởi do từ đến tới vào ra về gặp cùng như giữa theo tại thì mà nhưng hay hoặc khi để được bị có không đã đang sẽ các những một nói rằng người".split(
    " ",
  ),
);
/** Lowercase words allowed between a thing's head and its name. */
const THING_GAP = 4;

/**
 * Whether a thing's head stands one to `THING_GAP` lowercase words before the name, with no
 * punctuation, function word or title between ("màn hình chơi game Asus Swift"). Walks back
 * word by word: most names have a function word, a title or punctuation right before them.
 */
function thingBefore(before: string): boolean {
  if (before.charCodeAt(before.length - 1) !== 32) return false;
  let end = before.length - 1;
  for (let gap = 1; gap <= THING_GAP && end > 0; gap++) {
    const start = before.lastIndexOf(" ", end - 1) + 1;
    const w = before.slice(start, end);
    if (!LOWER_WORD.test(w) || THING_GAP_STOPS.has(w) || TITLE_SET.has(w)) return false;
    if (start === 0) return false;
    // The word before this gap: a head, alone or with the word before it.
    const headEnd = start - 1;
    const headStart = before.lastIndexOf(" ", headEnd - 1) + 1;
    const head = before.slice(headStart, headEnd).toLowerCase();
    // "quán quân Giọng hát Việt …": the head and the word after it make a title.
    if (TITLE_SET.has(`${head} ${w}`)) return false;
    if (THING_HEADS.has(head)) return true;
    if (headStart > 0) {
      const twoStart = before.lastIndexOf(" ", headStart - 2) + 1;
      if (THING_HEADS.has(`${before.slice(twoStart, headStart - 1).toLowerCase()} ${head}`)) return true;
    }
    end = start - 1;
  }
  return false;
}

/** A word of lowercase letters only. */
const LOWER_WORD = /^\p{Ll}+$/u;

/** Words that end with a place word but place nothing: "hiện tại Hạ Vi" (now), "giàu sang". */
const NOT_PLACE_BEFORE = new Set([
  "hiện tại",
  "tồn tại",
  "thực tại",
  "tự tại",
  "giàu sang",
  "cao sang",
  "sang sang",
  // A school's or a hamlet's word closing a common word, the last of a ministry's name:
  // "Bộ trưởng Tài nguyên và Môi trường Trần Hồng Hà", "Phát triển nông thôn Nguyễn Xuân Cường".
  "môi trường",
  "nông thôn",
  // Common words closing with a bridge's, a prize's or a team's word: "yêu cầu Hazard phải…",
  // "đồng đội Bale", "mùa giải Hazard" (request, teammate, season, explain, mediate). Not "toàn
  // cầu" (global): what follows it is a thing's name ("mã độc toàn cầu WannaCry").
  "yêu cầu",
  "đồng đội",
  "mùa giải",
  "lý giải",
  "hòa giải",
]);

/** What people do right after their name is mentioned. */
const PERSON_AFTER =
  /^(?:\s*\(\s*\d{1,3}\s*tuổi|\s*,\s*\d{1,3}\s*tuổi|\s+(?:cho biết|cho hay|nói|chia sẻ|khẳng định|tuyên bố|thủ vai|đảm nhận|thừa nhận|nhấn mạnh|bày tỏ|sinh năm|từng|viết)|\s*\((?:bên |đứng |ngồi |ở )?(?:trái|phải|giữa)\b|\s*\(thứ \d+ từ (?:trái|phải)|\s*,\s*một (?:người|sinh viên|học sinh|nhà|cô gái|chàng trai|cựu|cầu thủ|bác sĩ|giáo sư|luật sư|phóng viên)\s)/iu;
/** What a scorer's name follows ("pha lập công của Hal Robson-Kanu"): a person cue before the name. */
const SCORER_BEFORE = new Set(["lập công của", "cú đúp của", "hat-trick của", "cú hat-trick của", "pha kiến tạo của", "đánh đầu của", "pha ghi bàn của"]);
/** The second word of a continent written "châu Âu", "châu Phi" (lowercase "châu"). */
const CONTINENTS = new Set(["Âu", "Á", "Phi", "Mỹ", "Úc"]);
/** Capitalised words glued after a name by a missing full stop ("Juan Martinez Chẳng phải…"); never given names. */
const TRAILING_NON_NAME = new Set([
  // "Ảnh: Anh Tuấn Nhiều hành vi…", "Anh Ngọc Xem thêm video": a sentence's first word glued on.
  "nhiều",
  "mới",
  "xem",
  "đây",
  "mời",
  "một",
  "các",
  "những",
  "này",
  "đó",
  "khi",
  "và",
  "theo",
  "cho",
  "là",
  "chẳng",
  "không",
  "cũng",
  "đã",
  "sẽ",
  "đang",
  "được",
  "bị",
  "với",
  "tại",
  "trong",
  "sau",
  "trước",
  "nhưng",
  "ngày",
  "năm",
  "tháng",
  "hôm",
  "video",
  "ảnh",
  "clip",
  "bàn",
  "người",
  "nếu",
  "vì",
  "do",
  "để",
  "từ",
  "đến",
  "ở",
  "về",
  "có",
  "còn",
  "rồi",
  "thì",
  "mà",
  "lại",
  "tên",
  "ngay",
  "bí",
  "chánh",
  "luật",
  "phó",
  "chủ",
  "tổng",
  "giám",
  "thủ",
  "trưởng",
  "bộ",
  "cục",
  "cựu",
  "nguyên",
  "tân",
]);
/** Trailing words above that are also given names, kept after a family name and a middle name. */
const GIVEN_TOO = new Set(["tân", "chánh", "nguyên"]);
/** "Rachel Thomas, thư ký báo chí của…": a name followed by the person's role. */
const TITLE_AFTER = new RegExp(
  `^\\s*,\\s*(?:${[...PERSON_TITLES]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})\\s`,
  "iu",
);
/** Places by their first word, longest first, so a lookup costs a few comparisons. */
const PLACES_BY_FIRST = new Map<string, string[][]>();
for (const p of PLACES) {
  const words = p.split(" ");
  const list = PLACES_BY_FIRST.get(words[0]) ?? [];
  list.push(words);
  list.sort((x, y) => y.length - x.length);
  PLACES_BY_FIRST.set(words[0], list);
}
/** A letter only Vietnamese writes (a marked vowel, ă, đ, ơ, ư): the word is Vietnamese, not an ASCII foreign spelling. */
export const VN_ONLY = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/**
 * One capitalised name segment of an article, with what the article itself says about it.
 * Plain data (no references), so it can be kept per article and fed to archive statistics.
 * Made with every field, the optional flags `undefined` until a pass sets them, in one order
 * (`newCandidate`): a flag added later gave the candidate another hidden class (16 per 2k
 * articles), and each optimised read of candidates deopted on the next new one (cost33).
 */
export interface Candidate {
  words: string[];
  /**
   * `nameKey(words)` and `isVietnameseName(words)`, worked out once where the candidate is made
   * or its words change (`withWords`, `setWords`): the rules and the archive's evidence ask them of
   * each candidate many times (a name's key was a tenth of the person pass's CPU, cost29).
   */
  key: string;
  vn: boolean;
  /** A title only people take introduces it here ("ông Trump", "Thái tử Salman"; not "HLV Barca"). */
  personTitled?: boolean;
  /** A title or honorific introduces it here ("HLV Allegri", "ông Trump"). */
  titled: boolean;
  /** Name of the well-known person (data/people.json) it spells, if any. */
  known: string | null;
  /** Accepted on its own (title, known, Vietnamese surname, place qualifier) or only with support. */
  strong: boolean;
  /** A place or organisation word stands right before it ("đường Huỳnh Tấn Phát"): not a person here. */
  placed: boolean;
  /** A byline or photo credit ("Ảnh: Đinh Tuấn"): `placed` too, but says nothing about the name elsewhere. */
  credit?: boolean;
  /**
   * A byline with its outlet and filing time ("Minh Tuấn - Thể thao Việt Nam | 09:28"): a `credit`,
   * counted bare in the archive (sports writers sign thousands of articles; players share their names).
   */
  filed?: true;
  /**
   * `placed` only because it stands quoted on its own ("'Inside Job' - …"), a work's title here;
   * headlines quote people's names too, so the archive counts it as bare.
   */
  quoted?: true;
  /** `placed` only because a thing's head stands a few lowercase words before it ("dòng xe sang Flying Spur"); the archive counts it bare. */
  near?: true;
  /**
   * `placed` by an administrative unit's or a group's word, but a title stands a few words before
   * that word in the same clause ("Giám đốc BHXH tỉnh Hoàng Văn Minh", "ông trưởng thôn Nguyễn Bá
   * Lục"): the unit's head, named after it. Counted placed in the archive; a person here unless the
   * archive places the name far more often (a ward named after a person, "phường Bùi Thị Xuân").
   */
  titledAcross?: true;
  /**
   * A marked Vietnamese word glued after it was cut off as the next sentence's first word
   * ("Alvaro Morata Đội hình …"): a person only where a title or the archive says so, since what is
   * left may be two surnames or a place run together ("Ronaldo Messi Kết quả", "Stadio Olimpico Tỷ lệ").
   */
  cutGlued?: true;
  /** `placed` only because an organisation word of the same run precedes it ("Instagram Cường Đô La"). */
  inOrg?: boolean;
  /**
   * A foreign word glued before the Vietnamese full name at a run's start ("Soobin Hoàng Sơn", "Ali
   * Hoàng Dương"): a singer's stage name where the archive writes the two together (`stageNames`),
   * a qualifier otherwise, and left out of the name as before ("Karate Đoàn Bảo Châu").
   */
  stage?: string;
  /**
   * `inOrg` after one firm's or club's word, and a foreign full name ("của Arsenal Hector Bellerin"):
   * a person where the archive titles the name elsewhere (`vouchedFullName`), a thing otherwise
   * ("công cụ Apple Smart Case").
   */
  afterFirm?: true;
  /** A person cue follows it ("…, 35 tuổi", "cho biết", ", thư ký báo chí"). */
  cue: boolean;
  /** The next candidate follows after only a comma or "và": they are listed together. */
  listNext: boolean;
  /**
   * Not `listNext`, but the next candidate follows after a looser list separator: a dash or
   * semicolon of a line-up ("Ospina – Monreal"), or a scorer's minutes ("Fagan 76, Đình Bảo 77").
   */
  sepNext?: true;
  /** The gap to the next candidate holds a scorer's minute ("Nsi 18, Văn Thành 45+1, …"). */
  minuteNext?: true;
  /** A team's formation opens the list it heads ("Málaga (4-5-1): Kameni; Ricca, …"): a line-up. */
  formation?: true;
  /** An item of a line-up, squad or scorer list after its header ("Đội hình …:", "(4-3-3):", "Ghi bàn:"; `lineUpItems`). */
  lineUp?: true;
  /** Written in capitals in a table of such names ("MANUEL NEUER | Bayern"), title-cased here. */
  caps?: true;
  /** Its first word is an initial written against the next without a space ("C.Ronaldo": words `C.`, `Ronaldo`). */
  glued?: true;
  /** Up to two words before and the word after, lowercased ("" at a sentence boundary). */
  before: string;
  after: string;
  text: number;
  start: number;
  end: number;
}

// Names recur across an archive: each spelling's key is worked out once (it is asked for
// several times per mention, by the rules and by the archive's evidence).
const nameKeys = new Map<string, string>();
const NAME_KEYS_LIMIT = 200_000;
/** Only ASCII characters (a module constant, as the per-word regexes below: see `NON_ASCII`). */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const knownByKey = new Map<string, KnownPerson>();
const knownByName = new Map<string, KnownPerson>(KNOWN.map((k) => [k.name, k]));
const knownByShort = new Map<string, KnownPerson>();
for (const k of KNOWN) {
  for (const v of [k.name, ...k.variants]) knownByKey.set(nameKey(v.split(/\s+/)), k);
  for (const s of k.short) knownByShort.set(nameKey([s]), k);
}

/** Comparison key: folded, hyphens as spaces, and for foreign names y/i spelling merged (Yury/Yuri, Sergey/Sergei). */
export function nameKey(words: readonly string[]): string {
  return keyOfJoined(words.join(" "));
}

/** `key.split(" ").length`, counted without the array: how many words a key (words joined by single spaces) holds. */
export function keyParts(key: string): number {
  let n = 1;
  for (let i = key.indexOf(" "); i >= 0; i = key.indexOf(" ", i + 1)) n++;
  return n;
}

/** `nameKey` of words already joined by single spaces. */
function keyOfJoined(joined: string): string {
  let key = nameKeys.get(joined);
  if (key !== undefined) return key;
  key = keyOfFolded(foldMarks(joined), ASCII_ONLY.test(joined));
  if (nameKeys.size >= NAME_KEYS_LIMIT) nameKeys.clear();
  nameKeys.set(joined, key);
  return key;
}

/** `nameKey` of words whose joined form folds (`foldMarks`) to `folded`; `ascii`: the words are all ASCII. */
function keyOfFolded(folded: string, ascii: boolean): string {
  const key = folded.replace(/[-'’]/g, " ").replace(/\s+/g, " ").trim();
  return ascii ? key.replace(/yy/g, "y").replace(/y\b/g, "i") : key;
}

/**
 * Every key a name that folds to an outlet's name can have (`keyOfFolded` of it, either way
 * for `ascii`): a name whose key is none of these is no outlet's, without folding it again.
 */
const OUTLET_KEYS = new Set([...OUTLET_NAMES].flatMap((o) => [keyOfFolded(o, false), keyOfFolded(o, true)]));

/** `/^\p{Lu}{2,}$/u`: a word in capitals, two letters or more ("UBND", "FBI"). */
function isCapitals(w: string): boolean {
  // Most words are title-cased: a lowercase ASCII second letter settles it without the regex.
  const c = w.charCodeAt(1);
  if (c >= 97 && c <= 122) return false;
  return allCapitals(w, 2);
}

export function isVietnameseName(words: readonly string[]): boolean {
  for (const w of words) if (!isVietnameseSyllable(w)) return false;
  return true;
}

/** A copy of `m` with other words, and their `key` and `vn`. */
export function withWords(m: Candidate, words: string[]): Candidate {
  return { ...m, words, key: nameKey(words), vn: isVietnameseName(words) };
}

/** Gives `m` other words, and their `key` and `vn`. */
function setWords(m: Candidate, words: string[]) {
  m.words = words;
  m.key = nameKey(words);
  m.vn = isVietnameseName(words);
}

// A word's lowercase form. Not memoised: the words are fresh slices of the text, and looking
// one up in a map hashes it, which cost more than lowercasing it (the lookups were 2.2 s of a
// 35k build's CPU; each run's words are lowercased once, in mentionsInRun).
function lower(w: string): string {
  return w.toLowerCase();
}

/** No place opens with the word: one shared list, not a fresh `[]` per look-up (most words). */
const NO_PLACES: readonly string[][] = [];

/** How many words of a known place start at `at` (0 when none). */
function placeLength(words: string[], at: number): number {
  for (const p of PLACES_BY_FIRST.get(words[at]) ?? NO_PLACES) {
    if (p.every((w, i) => words[at + i] === w)) return p.length;
  }
  return 0;
}

/** Whether the words are known places end to end ("Trung", "Quốc", "Nga"). */
function allPlaces(words: string[]): boolean {
  for (let i = 0; i < words.length;) {
    const n = placeLength(words, i);
    if (!n) return false;
    i += n;
  }
  return words.length > 0;
}

/**
 * How many words of a foreign place (ASCII, no Vietnamese syllable: "Mexico", "Moscow") stand at `at` after foreign words
 * of a run (0 when none): the next item glued on by a lost full stop or a line's end ("Nani
 * Mexico: Ochoa …", a line-up and the next team's; "Andre Silva Mexico Dự kiến"). No one is
 * named so unless a title or `people.json` says so ("nữ diễn viên Kerry Washington", "Nhà thiên
 * văn học Antonio Paris"). A Vietnamese name keeps a place at its end ("Cao Toàn Mỹ").
 */
function gluedPlaceLength(text: string, runStart: number, words: string[], from: number, at: number): number {
  const n = placeLength(words, at);
  // Not a place written in Vietnamese syllables: "Anh" (England) and "Nga" (Russia) end given names.
  if (!n || !ASCII_ONLY.test(words[at]) || isVietnameseSyllable(words[at]) || isVietnameseName(words.slice(from, at))) return 0;
  if (knownFrom(words, from) || endsWithPhrase(text.slice(Math.max(0, runStart - 60), runStart), TITLE_SET)) return 0;
  // One word and a place closing the run may be a thing named after both ("Đại học George
  // Washington", "Spartak Moscow"): cut only where the next item is glued on (words after the
  // place in the run, or a team's colon after it).
  if (at - from === 1 && at + n === words.length) {
    let end = runStart;
    for (const w of words) end += w.length + 1;
    if (text.charCodeAt(end - 1) !== 58) return 0;
  }
  return n;
}

/** Whether a well-known person's full name (2–4 words) starts at `at`. */
function knownFrom(words: string[], at: number): boolean {
  for (let n = 2; n <= 4 && at + n <= words.length; n++) if (knownByKey.has(nameKey(words.slice(at, at + n)))) return true;
  return false;
}

/**
 * Whether the one-word run `w` at `at` certainly makes no candidate, so `mentionsInRun` need not
 * be asked: a place alone ("Mỹ") qualifies no name after it in its own run, and a sentence's
 * common first word ("Trong", "Theo") is dropped from the run's start (see `segment`). Checked
 * against `mentionsInRun` on the seeds and fixtures (people.test.ts).
 */
export function quietWord(text: string, at: number, w: string): boolean {
  // `placeLength([w], 0) === 1` without the array: only a one-word place matches one word.
  return Boolean(PLACES_BY_FIRST.get(w)?.some((p) => p.length === 1)) || (SENTENCE_WORDS.has(lower(w)) && isSentenceStart(text, at));
}

/** Split a capitalised run into candidate name segments, recording why each is a name (exported for tests). */
export function mentionsInRun(text: string, runStart: number, runWords: string[], textIndex: number, out: Candidate[]) {
  // Split at words that make a run an organisation or a thing: "Trường THPT Bùi Thị Xuân".
  let segStart = 0;
  // Each word's offset, and its lowercase form (read many times by the rules below and in
  // `segment`): pushed, not made by `map`, which makes a holey array once V8 optimises its caller
  // (a packed one before), so every optimised read of them deopted on the new hidden class.
  const offsets: number[] = [];
  const lws: string[] = [];
  let pos = runStart;
  for (const w of runWords) {
    offsets.push(pos);
    lws.push(lower(w));
    pos += w.length + 1;
  }
  let afterPlace = false;
  let afterOrg: AfterOrg = false;
  let glued = false;
  let titleFrom = -1;
  let stageAt = -1;
  const firstOut = out.length;
  const w0 = runWords[0];
  for (let i = 0; i <= runWords.length;) {
    // A missing full stop glues the next sentence on: "Hilton Chiếc Ferrari", "Macron Hà Khoa".
    const glue = i > segStart && i < runWords.length ? gluedSentenceAt(runWords, lws, i) : null;
    if (glue) {
      // A Vietnamese name closing the text is a byline ("… Tổng thống Macron Hà Khoa"); inside the
      // text the foreign word qualifies the name and the title is the name's ("Võ sư Karate Đoàn Bảo Châu").
      const qualifier = glue === "name" && !/^[\s.!?…"”)–-]*$/u.test(text.slice(offsets[runWords.length - 1] + runWords[runWords.length - 1].length));
      const before = out.length;
      if (!qualifier) segment(text, offsets, runWords, lws, segStart, i, afterPlace, afterOrg, textIndex, out, glued);
      // "Alvaro Morata Đội hình": the name the run's last word was cut from (see `gluedSentenceAt`).
      if (glue === "word" && i === runWords.length - 1 && out.length > before) out[out.length - 1].cutGlued = true;
      afterPlace = false;
      afterOrg = false;
      // "Soobin Hoàng Sơn": one foreign word opening the run, kept for the name it may belong to.
      if (qualifier && i === 1 && stageWord(runWords[0], lws[0])) stageAt = offsets[1];
      // A common word opens the glued sentence ("Chiếc"); a family name opens a name ("Đoàn Bảo Châu").
      glued = glue === "word";
      titleFrom = qualifier ? segStart : -1;
      segStart = i;
    }
    // A place splits a run only in qualifier position, before the name ("Nga Vladimir Putin"),
    // never at its end ("Cao Toàn Mỹ", "Trương Hồ Phương Nga").
    let place = i < runWords.length ? (i === segStart ? placeLength(runWords, i) : gluedPlaceLength(text, runStart, runWords, segStart, i)) : 0;
    // "Chủ tịch Hội đồng châu Âu Donald Tusk": a continent written "châu Âu" opens the run with "Âu".
    if (!place && i === 0 && CONTINENTS.has(w0) && /(?:^|\s)châu $/iu.test(text.slice(Math.max(0, runStart - 6), runStart))) place = 1;
    // "Paris Hilton": a well-known person whose given name is a place.
    if (place && knownFrom(runWords, i)) place = 0;
    // "Đức Huy", "Mỹ Tâm": a country before a lone Vietnamese syllable is a given name, not a qualifier.
    if (place === 1 && i === 0 && runWords.length === 2 && isVietnameseName(runWords)) place = 0;
    const w = runWords[i] ?? "";
    const lw = lws[i] ?? "";
    // "Trường", "Hợp" head an organisation ("Trường THPT Lê Lợi") but end given names ("Xuân Trường").
    const headOnly =
      GIVEN_NAME_ORG_WORDS.has(lw) &&
      ((i === runWords.length - 1 && i > segStart) || (lw === "trường" && givenTruong(text, offsets, runWords, lws, i, segStart)));
    // "Khoa Ngoại Thần kinh", "Khoa Nhi": a hospital's or a school's department opens the run; inside a
    // name "Khoa" is a given or middle name ("Đăng Khoa", "Nguyễn Khoa Điềm"), and before a family
    // name it is one written given name first ("đạo diễn Khoa Nguyễn"). So do a unit's or a group's
    // words ("Đội Hình sự", "Nhóm Pháo binh"): none opened a labelled person's name.
    const department = i === 0 && DEPARTMENT_WORDS.has(lw) && runWords.length > 1 && !VN_SURNAMES.has(lws[1]);
    const capitalsOnly = CAPITALS_ONLY.has(lw) && !allCapitals(w, 1);
    const onlyBefore = ORG_ONLY_BEFORE.get(lw);
    const nameHere = onlyBefore !== undefined && (lws[i + 1] ?? "") !== onlyBefore;
    const nonPerson =
      department ||
      (NON_PERSON_WORDS.has(lw) && !headOnly && !capitalsOnly && !nameHere && !givenLast(text, offsets, runWords, i, segStart)) ||
      (isCapitals(w) && !IN_RUN_TITLES.has(lw));
    if (i < runWords.length && !place && !nonPerson) {
      i++;
      continue;
    }
    // An English organisation word ends the name it belongs to: "Winship Cancer Institute", "Tata Motors Group".
    const englishHead = nonPerson && /^[A-Z][a-z]+$/.test(w);
    if (i > segStart && !englishHead) segment(text, offsets, runWords, lws, segStart, i, afterPlace, afterOrg, textIndex, out, glued, titleFrom);
    glued = false;
    titleFrom = -1;
    // A place right before a name qualifies it ("Nga Vladimir Putin"); an organisation word makes
    // what follows part of its name ("Bộ Công Thương", "BV Bạch Mai") unless a title says otherwise.
    afterPlace = place > 0;
    // Acronyms (LĐTB&XH, UBND) usually end an organisation's name, so they do not count here.
    // A company's legal form continues its name ("Cty TNHH MTV Nam Triệu", "Ngân hàng TMCP Công thương").
    // An English head that ends a name leaves a Vietnamese name after it free ("CEO VietJet Air
    // Nguyễn Thị Phương Thảo"); other words after it go on naming the thing ("Hotwheels Super Elite").
    afterOrg =
      place > 0 || i >= runWords.length || (englishHead && i > segStart && VN_SURNAMES.has(lws[i + 1] ?? ""))
        ? false
        : COMPANY_WORDS.has(lw) || (COMPANY_FORMS.has(lw) && (afterOrg || (i === 0 && COMPANY_BEFORE.test(text.slice(Math.max(0, runStart - 9), runStart)))))
          ? "company"
          : (department || NON_PERSON_WORDS.has(lw)) && "org";
    i += place > 0 ? place : 1;
    segStart = i;
  }
  if (stageAt >= 0) {
    for (let k = firstOut; k < out.length; k++) if (out[k].start === stageAt && out[k].words.length >= 2) out[k].stage = w0;
  }
}

/**
 * Whether a foreign word glued before a Vietnamese full name may be a stage name's ("Soobin",
 * "Yaya", "Chibi"): not a common English word ("Karate", "Video", "Host"), a title ("ThS"; joined
 * titles, "PGS-TS", "GS-TS") or a well-known person's one-word name.
 */
function stageWord(w: string, lw: string): boolean {
  return !w.includes("-") && englishLevel(lw) === 0 && !TITLE_SET.has(lw) && !IN_RUN_TITLES.has(lw) && !knownByShort.has(nameKey([w]));
}

/**
 * "Đoàn Thị Hương bị bắt", "Đoàn Văn Hậu ghi bàn": "Đoàn" (a delegation) opens sentences, but
 * before two more syllables of a Vietnamese name, none a place ("Đoàn Việt Nam"), it is the family name.
 */
function surnameOpening(runWords: string[], lws: string[], a: number, b: number): boolean {
  return lws[a] === "đoàn" && b - a === 3 && isVietnameseName(runWords.slice(a, b)) && placeLength(runWords, a + 1) === 0;
}

/** A syllable's first consonants and a full stop ("Tr.", "Ng."): two or three letters, no vowel. */
function abbreviatedSyllable(text: string, at: number, w: string): boolean {
  return w.length <= 3 && text.charCodeAt(at + w.length) === 46 && /^[B-DF-HJ-NP-TV-ZĐ][b-df-hj-np-tv-zđ]{1,2}$/u.test(w);
}

/** Lowercase words that finish a school's name after "Trường" and one capitalised word ("Trường Đại học", "Trường Mầm non"). */
const SCHOOL_NEXT = new Set(["học", "non", "đẳng", "quan", "thông", "cấp", "nghề"]);

/**
 * Whether "Trường" at `i` is a name's syllable: the run is "Trường" and one Vietnamese syllable
 * ("Trường Giang", "Trường Chinh"), or a family name, "Trường" and one syllable ("Nguyễn Trường
 * Thành"), and no school's lowercase word follows the run ("Trường Đại học").
 */
function givenTruong(text: string, offsets: number[], runWords: string[], lws: string[], i: number, segStart: number): boolean {
  if (runWords.length !== i + 2 || !(i === 0 || (i === 1 && segStart === 0 && VN_SURNAMES.has(lws[0])))) return false;
  if (!isVietnameseName(runWords) || placeLength(runWords, i + 1) > 0) return false;
  const next = /^ (\p{Ll}+)/u.exec(text.slice(offsets[i + 1] + runWords[i + 1].length, offsets[i + 1] + runWords[i + 1].length + 12))?.[1];
  return !next || !SCHOOL_NEXT.has(next);
}

/**
 * "ông Huỳnh Ngọc Quận, Phó chủ tịch …", "ông Võ Thiên Lăng - Phó Chủ tịch …": a word that heads a
 * place or a thing ("quận", a district; "lăng", a mausoleum) ends a run of three Vietnamese words
 * from a family name, right after a person's title: it is the given name, not the head of what
 * follows, since no name follows it (the run ends there) nor a number ("Quận 5").
 */
function givenLast(text: string, offsets: number[], runWords: string[], i: number, segStart: number): boolean {
  // "Ông Vũ Đình Lăng (ông nội cháu bé)": the title may open the run.
  const k = IN_RUN_TITLES.has(lower(runWords[0])) ? 1 : 0;
  if (segStart !== 0 || i !== k + 2 || runWords.length !== k + 3 || !VN_SURNAMES.has(lower(runWords[k])) || !isVietnameseName(runWords.slice(k))) return false;
  if (NUMBER_NEXT.test(text.slice(offsets[i] + runWords[i].length, offsets[i] + runWords[i].length + 3))) return false;
  return k === 1 || endsWithPhrase(text.slice(Math.max(0, offsets[0] - 60), offsets[0]), TITLE_SET);
}

/** A number after the run: the unit's own ("Quận 5"). */
const NUMBER_NEXT = /^\s?\d/u;

/**
 * How many last words of `words[a, b)` open a title the lowercase word after them ends ("Phó
 * Giáo" + "sư", "Trợ" + "lý"): capitals cut into a title, no part of a name. 0 when none.
 */
function titleCutAt(text: string, end: number, lws: string[], a: number, b: number): number {
  // The regex needs a space right after the run; most runs end at punctuation or the text's end.
  if (text.charCodeAt(end) !== 32) return 0;
  const next = lowerWordAfter(text, end);
  if (!next) return 0;
  const last = lws[b - 1];
  if (b - a >= 2 && TITLE_SET.has(`${lws[b - 2]} ${last} ${next}`)) return 2;
  return TITLE_SET.has(`${last} ${next}`) ? 1 : 0;
}

// The regexes of the per-word tests below are module constants: a regex literal in a function
// body makes a new RegExp object at every call (the spec's rule), garbage for the collector's
// helper threads; none has the g or y flag, so sharing one carries no lastIndex.
const NON_ASCII = /[^\x00-\x7f]/;
const FOREIGN_WORD = /^\p{Lu}[\p{L}'’-]+$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const MIDDLE_NAME = /^(?:văn|thị)$/;
const ACRONYM = /^[\p{Lu}\d&-]+$/u;

/** A Vietnamese syllable with a mark or a letter beyond ASCII ("Đời", "Trí"; not "Don" of "Don Balon"). */
function markedSyllable(w: string): boolean {
  return NON_ASCII.test(w) && isVietnameseSyllable(w);
}

/** A foreign word: letters, not a Vietnamese syllable, not an acronym. */
function isForeignWord(w: string): boolean {
  return FOREIGN_WORD.test(w) && !allCapitals(w, 1) && !isVietnameseSyllable(w);
}

/**
 * Whether a new sentence starts at word `i` of a run although no full stop says so: a
 * Vietnamese common word between foreign words ("Hilton Chiếc Ferrari California"), or a
 * Vietnamese full name right after a foreign one ("Macron Hà Khoa", a byline; "Karate Đoàn Bảo
 * Châu"). Foreign given names before a Vietnamese family name ("Jennifer Phạm") stay whole.
 */
/** A foreign name's word, a particle's hyphenated form included ("al-Assad", "bin"). */
const FOREIGN_PART = /^[\p{L}'’-]{2,}$/u;

function gluedSentenceAt(words: string[], lws: string[], i: number): "word" | "name" | null {
  // "Lưu Hoài Theo Đời sống", "Hà My Theo Trí thức trẻ": "Theo" (according to) before a
  // Vietnamese word opens the sentence that names a source; it is never a name's next word.
  if (lws[i] === "theo" && i + 1 < words.length && markedSyllable(words[i + 1])) return "word";
  const w = words[i];
  // "Arturo Vidal Đội hình …", "Bashar al-Assad Mục tiêu …": a marked Vietnamese word ending the
  // run after two foreign words opens the next sentence or heading. No foreign full name ends with
  // a Vietnamese given name; one foreign word may ("Kelvin Khánh", "Helen Thủy": singers).
  if (
    i === words.length - 1 &&
    i >= 2 &&
    isForeignWord(words[i - 2]) &&
    FOREIGN_PART.test(words[i - 1]) &&
    !isVietnameseSyllable(words[i - 1]) &&
    markedSyllable(w) &&
    !VN_SURNAMES.has(lws[i])
  )
    return "word";
  if (!isForeignWord(words[i - 1])) return null;
  if (VN_ONLY.test(w) && !VN_SURNAMES.has(lws[i]) && i + 1 < words.length && isForeignWord(words[i + 1])) return "word";
  const rest = words.slice(i);
  return rest.length >= 2 && rest.length <= 4 && VN_SURNAMES.has(lws[i]) && isVietnameseName(rest) ? "name" : null;
}

function segment(
  text: string,
  offsets: number[],
  runWords: string[],
  /** `runWords` lowercased; `words` below is always `runWords` from `a` on, so `lws[a + k]` is `words[k]` lowercased. */
  lws: string[],
  from: number,
  to: number,
  afterPlace: boolean,
  afterOrg: AfterOrg,
  textIndex: number,
  out: Candidate[],
  glued = false,
  titleFrom = -1,
) {
  let a = from;
  let b = to;
  const atSentenceStart = glued || (!afterPlace && a === 0 && isSentenceStart(text, offsets[a]));
  let titled = false;
  // Leading words: sentence-initial common words, in-run honorifics ("Ông Trump"), places ("Nga Vladimir Putin").
  const placeQualified = afterPlace;
  for (let changed = true; changed && a < b;) {
    changed = false;
    const w = lws[a];
    // A knight's title, written so ("Sir Alex Ferguson" is Alex Ferguson; "SIR Volume 21" is a report).
    if ((IN_RUN_TITLES.has(w) || runWords[a] === "Sir") && b - a > 1) {
      titled = true;
      a++;
      changed = true;
    } else if (
      (atSentenceStart && SENTENCE_WORDS.has(w) && !titled && !surnameOpening(runWords, lws, a, b)) ||
      (w === "theo" &&
        b - a > 1 &&
        (markedSyllable(runWords[a + 1]) || (a === from && from > 0 && text.charCodeAt(offsets[b - 1] + runWords[b - 1].length) === 44)))
    ) {
      // "… vừa qua Theo Trà My": "Theo" before a Vietnamese word opens a source's sentence wherever it stands.
      // "… Nhật Bản Theo National Interest, …": glued to a caption's last word before a name and a comma, according to a source
      // (opening a sentence, "Theo" is a sentence word already).
      a++;
      changed = true;
    }
  }
  // "Phó Giáo sư", "Đinh Hồng Vinh Trợ lý": capitals cut into a title end no name (what is
  // left may end with a title's first word: "Phó Chánh Thanh tra", cut below).
  if (b > a) b -= titleCutAt(text, offsets[b - 1] + runWords[b - 1].length, lws, a, b);
  // "Anh", "Em" end many given names (Hoàng Anh, Tuấn Anh): only unambiguous titles are cut.
  while (b > a && (TRAILING_NON_NAME.has(lws[b - 1]) || TRAILING_TITLES.has(lws[b - 1]))) {
    // "Nguyễn Lê Tân", "Lâm Canh Tân": after a family name and a middle name these are given names.
    // Unless an organisation's or a title's word follows in the run: "Lê Văn Tám Nguyên Bộ trưởng" (former minister).
    if (GIVEN_TOO.has(lws[b - 1]) && b - a >= 3 && (b < to || to === runWords.length) && VN_SURNAMES.has(lws[a]) && isVietnameseName(runWords.slice(a, b)))
      break;
    b--;
  }
  // "Lindsey Pelas Pelas": a scraped caption glued to the text repeats a word (but "Phạm Băng Băng").
  if (b - a >= 3 && runWords[b - 1] === runWords[b - 2] && !isVietnameseName(runWords.slice(a, b))) b--;
  if (a >= b) return;
  // A name cut at an initial ("George H" of George H.W. Bush, "Nguyễn Cao Q.", "Gulfstream G-550") names no one in full.
  if (b - a >= 2 && ONE_CAPITAL.test(runWords[b - 1])) return;
  // "Serbia V Argentina" (versus, a stats table's two countries): a letter before a place names no one.
  if (b - a >= 2 && ONE_CAPITAL.test(runWords[a]) && allPlaces(runWords.slice(a + 1, b))) return;
  // "Phan Thị Tr.", "Trần Công Th.": a Vietnamese name whose given name is cut to its first consonants.
  if (b - a >= 2 && abbreviatedSyllable(text, offsets[b - 1], runWords[b - 1]) && VN_SURNAMES.has(lws[a]) && isVietnameseName(runWords.slice(a, b - 1))) return;
  // An acronym between a title and a name qualifies it: "Phát ngôn viên FBI Ron Hopper", "Thứ trưởng Bộ GD-ĐT Bùi Văn Ga".
  let acronymQualified = false;
  while (b - a > 2 && isAcronym(runWords[a])) {
    a++;
    acronymQualified = true;
  }
  // Not a company's legal form: "Giám đốc Cty TNHH Đại Nguyên Dương" names the company.
  if (from > 0 && isAcronym(runWords[from - 1]) && b - a >= 2 && afterOrg !== "company") acronymQualified = true;
  // "Thứ trưởng Tư Pháp Rod Rosenstein": Vietnamese words written in capitals (a ministry, a
  // body) before a foreign full name qualify it, as an acronym does; no name mixes the two.
  if (b - a >= 3 && isForeignWord(runWords[b - 1]) && markedSyllable(runWords[a])) {
    let k = a + 1;
    while (k < b - 2 && markedSyllable(runWords[k])) k++;
    // Not before a place ("cảnh sát Đông Jakarta Andry Wibowo": the place qualifies the name, see mentionsInRun).
    if (placeLength(runWords, k) === 0 && runWords.slice(k, b).every(isForeignWord)) {
      a = k;
      acronymQualified = true;
    }
  }
  let words = runWords.slice(a, b);
  // "Nicolas Cage Nicolas Cage", "Ronaldo Ronaldo": a caption repeats the name it sits beside.
  // Vietnamese names double a syllable ("Phạm Băng Băng"), never a two-word half ("Thanh Hằng Thanh Hằng").
  const half = words.length / 2;
  if (Number.isInteger(half) && half >= 1 && (half >= 2 || !isVietnameseName(words)) && words.slice(0, half).join(" ") === words.slice(half).join(" ")) {
    words = words.slice(0, half);
  }
  // The title may stand before the whole run: "Thư ký Báo chí Nhà Trắng Karoline Leavitt".
  const runStart = titleFrom >= 0 ? offsets[titleFrom] : afterPlace ? runStartOf(offsets, from, runWords) : offsets[from];
  const prefix = text.slice(Math.max(0, runStart - 60), runStart);
  let memorial = false;
  if (!titled && (a === from || placeQualified || acronymQualified)) {
    const titlePrefix = withoutParty(prefix);
    titled = endsWithPhrase(titlePrefix, TITLE_SET) && !endsWithPhrase(titlePrefix, NOT_TITLES);
    // "Lăng Chủ tịch Hồ Chí Minh", "lăng vua Đồng Khánh": the title names a memorial after the person.
    if (titled && titleNamesThing(titlePrefix)) {
      titled = false;
      memorial = true;
    }
  }
  if (!titled && acronymQualified) titled = endsWithPhrase(text.slice(Math.max(0, offsets[0] - 60), offsets[0]), TITLE_SET);
  // A name right after one firm's or club's word ("CEO Apple Tim Cook", "của Arsenal Hector Bellerin").
  let afterFirm = false;
  if (afterOrg === "org" && a === from && b - a >= 2 && b - a <= 3 && firmWord(runWords[from - 1])) {
    const name = runWords.slice(a, b);
    const foreign = !isVietnameseName(name) && !markedSyllable(name[0]);
    if (foreign || (VN_SURNAMES.has(lws[a]) && isVietnameseName(name))) {
      if (!titled) titled = headOfOneWordOrg(text, offsets, lws, from);
      afterFirm = foreign;
    }
  }
  // "Đội CSGT An Lạc", "Đội trưởng Đội CSGT Bàn Cờ": a unit's word and its acronym before a name
  // of two words name the unit after its ward; "Đoàn TNCS Hồ Chí Minh" is the youth union. A title
  // before them is its head's ("Thứ trưởng Bộ GD-ĐT Bùi Văn Ga" has three words and "Bộ").
  const unitName = a === from && from >= 2 && isAcronym(runWords[from - 1]) && UNIT_WORDS.has(lws[from - 2]) && (b - a === 2 || lws[from - 1] === "tncs");
  if (unitName) titled = false;
  const placeContext = text.slice(Math.max(0, offsets[a] - 40), offsets[a]);
  let placed =
    unitName ||
    memorial ||
    words.some(hasJoint) ||
    (!titled &&
      ((endsWithPhrase(placeContext, PLACE_BEFORE_SET) && !endsWithPhrase(placeContext, NOT_PLACE_BEFORE)) ||
        (placeContext.endsWith("cách ") && DOCTRINE_LIST.test(placeContext)) ||
        (b - a >= 2 &&
          VN_SURNAMES.has(lws[a]) &&
          HOUSE_NUMBER_BEFORE.test(text.slice(Math.max(0, offsets[a] - 30), offsets[a])) &&
          isVietnameseName(runWords.slice(a, b)))));
  // "Phó Chủ tịch UBND tỉnh Dương Tất Thắng": a council's unit word with its name left out; the
  // official's full name follows it, not a place's (a title before the council says so).
  if (placed && b - a >= 3 && VN_SURNAMES.has(lws[a]) && isVietnameseName(runWords.slice(a, b))) {
    const before = text.slice(Math.max(0, offsets[a] - 80), offsets[a]);
    const unit = UNIT_OF_COUNCIL.exec(before);
    if (unit && endsWithPhrase(before.slice(0, unit.index), TITLE_SET)) {
      placed = false;
      titled = true;
    }
  }
  const titledAcross =
    placed &&
    !titled &&
    b - a >= 3 &&
    b - a <= 4 &&
    VN_SURNAMES.has(lws[a]) &&
    endsWithPhrase(placeContext, UNIT_BEFORE) &&
    isVietnameseName(runWords.slice(a, b)) &&
    titleAcrossUnit(text, offsets[a]);
  // "ngân hàng Thụy Sỹ Credit Suisse", "báo Nga Moskovsky Komsomolets": a firm's, an outlet's or a
  // club's word before the place names the firm, the paper or the club, unless a title stands
  // across it ("Chủ tịch quỹ đầu tư Hong Kong Gary Chen", the fund's head).
  // A Vietnamese full name from a family name is a person's there ("giấy tờ gốc Anh Dương Văn Quyền": "Anh" is "Mr.").
  if (placeQualified && !titled && !placed && !(VN_SURNAMES.has(lws[a]) && b - a >= 2 && isVietnameseName(runWords.slice(a, b)))) {
    const org = orgBeforePlace(prefix);
    if (org && !endsWithPhrase(text.slice(Math.max(0, runStart - org - 60), runStart - org), TITLE_SET) && !titleAcrossUnit(text, runStart)) placed = true;
  }
  // "dòng xe sang Flying Spur": a thing's head a few lowercase words before; a thing here, but
  // the archive counts it bare (such heads also stand a few words before people's names).
  const near = !titled && !placed && (endsWithPhrase(placeContext, WEAK_PLACE_BEFORE) || thingBefore(text.slice(Math.max(0, offsets[a] - 50), offsets[a])));
  if (near) placed = true;
  let splitInside = false;
  if (words.length > 4) {
    // "Quảng Nam Đinh Văn Thu": keep the part that starts with a family name.
    const i = words.findIndex((_, k) => k > 0 && VN_SURNAMES.has(lws[a + k]) && words.length - k <= 4);
    if (i < 0) return;
    if (IN_RUN_TITLES.has(lws[a + i - 1])) titled = true;
    splitInside = true;
    a += i;
    words = words.slice(i);
  }
  // "Die Welt", "El Pais", "Los Angeles": a German or Romance article opens a newspaper's or a place's name.
  if (words.length >= 2 && FOREIGN_ARTICLES.has(words[0])) return;
  // Teams are named after provinces ("Sanna Khánh Hòa", "Hoàng Anh Gia Lai"); people with an
  // honorific are not ("ông Phan Thái Bình").
  const honorific = HONORIFICS.has(lws[from]) || endsWithPhrase(prefix, HONORIFICS);
  // "Phó Thủ tướng Trương Hòa Bình": a title before a family name and a two-word place is a person;
  // so is one with a person's cue after it ("Nguyễn Thái Bình (25 tuổi)", no team has an age), or a
  // title across its body ("Phó Thủ tướng Chính phủ Trương Hòa Bình").
  const fullName = words.length === 3 && VN_SURNAMES.has(lws[a]);
  if (!honorific && !(titled && fullName)) {
    for (let k = 2; k < words.length; k++) {
      if (placeLength(words, words.length - k) !== k) continue;
      // Asked only of names that end with a place, so of few.
      const end = offsets[a] + joinedLength(words);
      if (!fullName || !(PERSON_AFTER.test(text.slice(end, end + 30)) || titledAcrossBody(prefix))) return;
    }
  }
  const joined = words.join(" ");
  // The key is needed below anyway (the known people's lookup); an outlet's name has one of few keys.
  const key = keyOfJoined(joined);
  if (OUTLET_KEYS.has(key) && OUTLET_NAMES.has(foldMarks(joined))) return;
  // "Trung Quốc-Nga", "Mỹ-Hàn Quốc": places joined by hyphens name a relation between countries.
  if (joined.includes("-") && allPlaces(joined.split(/[ -]/))) return;
  const orgPlaced = Boolean(afterOrg) && !titled && !splitInside;
  if (placeLength(words, 0) === words.length) return;
  // "Văn", "Thị" are middle names: a name cannot end with one ("Nguyễn Văn" is a cut name).
  if (words.length >= 2 && MIDDLE_NAME.test(lws[a + words.length - 1])) return;
  if (words.length >= 2 && CAN.has(lws[a]) && CHI.has(lws[a + 1])) return;
  // "vua Triều Nguyễn", "Thời Lý": a dynasty, named by its family; "Nguyễn Phước Tộc": a clan.
  if (words.length === 2 && DYNASTY_WORDS.has(lws[a]) && VN_SURNAMES.has(lws[a + 1])) return;
  if (lws[a + words.length - 1] === "tộc") return;
  const joinedLower = joined.toLowerCase();
  if (NOT_PEOPLE.has(joinedLower)) return;
  if (PRODUCT_MAKERS.has(lws[a])) return;
  if (words.length >= 2 && MODEL_MAKERS.has(lws[a])) return;
  // "Phó Trưởng Khoa", "Trưởng Ban Lê Văn Tám": a capitalised title opens the run; a name may follow it.
  const wordsBeforeTitle = words;
  if (lws[a] === "trưởng" || (lws[a] === "phó" && words.length > 1 && lws[a + 1] === "trưởng")) {
    const k = words.findIndex((_, i) => i > 0 && VN_SURNAMES.has(lws[a + i]) && words.length - i >= 2 && isVietnameseName(words.slice(i)));
    if (k < 0) return;
    a += k;
    words = words.slice(k);
    titled = true;
  }
  // A capitalised title is not a name: "Trưởng Đoàn", "Bộ Trưởng".
  if (TITLE_SET.has(words === wordsBeforeTitle ? joinedLower : words.join(" ").toLowerCase())) return;
  const wordsKey = words === wordsBeforeTitle ? key : nameKey(words);
  const known = knownByKey.get(wordsKey) ?? (words.length === 1 ? (knownByShort.get(wordsKey) ?? null) : null);
  const vn = isVietnameseName(words);
  const vnSurname = words.length >= 2 && VN_SURNAMES.has(lws[a]) && vn;
  const strong = Boolean(known) || (titled && words.length >= 1) || vnSurname || (placeQualified && words.length >= 2);
  const end = offsets[a + words.length - 1] + words[words.length - 1].length;
  // "Hội đồng Nguyễn Phước tộc": the lineage's name before "tộc" (clan) names the clan.
  if (text.startsWith(" tộc", end) && !LETTER.test(text.charAt(end + 4))) placed = true;
  const personTitled = titled && (IN_RUN_TITLES.has(lws[from]) ? PERSON_ONLY_TITLES.has(lws[from]) : endsWithPhrase(prefix, PERSON_ONLY_TITLES));
  const start = offsets[a];
  const inOrg = orgPlaced && !placed && afterOrg === "org";
  const m = newCandidate(words, wordsKey, vn, known?.name ?? null, textIndex, start, end);
  m.titled = titled;
  m.personTitled = personTitled;
  m.strong = strong;
  m.placed = inOrg || placed || orgPlaced;
  if (near) m.near = true;
  if (titledAcross) m.titledAcross = true;
  if (inOrg) {
    m.inOrg = true;
    if (afterFirm) m.afterFirm = true;
  }
  out.push(m);
}

/**
 * A candidate with every field, in one order, the flags unset (see `Candidate`): the only
 * place a candidate is made, so all candidates share one hidden class.
 */
function newCandidate(words: string[], key: string, vn: boolean, known: string | null, text: number, start: number, end: number): Candidate {
  return {
    words,
    key,
    vn,
    titled: false,
    known,
    personTitled: undefined,
    strong: false,
    placed: false,
    credit: undefined,
    filed: undefined,
    quoted: undefined,
    near: undefined,
    titledAcross: undefined,
    cutGlued: undefined,
    inOrg: undefined,
    afterFirm: undefined,
    cue: false,
    listNext: false,
    sepNext: undefined,
    minuteNext: undefined,
    formation: undefined,
    lineUp: undefined,
    caps: undefined,
    glued: undefined,
    stage: undefined,
    before: "",
    after: "",
    text,
    start,
    end,
  };
}

/**
 * "CEO Apple Tim Cook", "Giám đốc điều hành Apple Tim Cook", "Chủ tịch Vingroup Phạm Nhật Vượng": a
 * title, one firm's word (see `firmWord`), then a name (a foreign one, or a Vietnamese
 * one from a family name): the name is the firm's head, titled, not a name the firm's word makes
 * part of its own. Vietnamese organisation words go on naming the body ("Bộ Công An",
 * "Đoàn Quảng Ninh"). The title stands right before the firm's word, in the run ("CEO") or ending
 * the text before it.
 */
function headOfOneWordOrg(text: string, offsets: number[], lws: string[], from: number): boolean {
  if (from === 2 && ORG_HEAD_TITLES.has(lws[0])) return true;
  // "Chủ tịch Samsung Electronics Lee Kun-hee", "Tiền vệ Stoke City Charlie Adam": the firm's or
  // the club's name ends with an English head word (the firm's word `from - 1`).
  return from <= 2 && endsWithPhrase(withoutParty(text.slice(Math.max(0, offsets[0] - 60), offsets[0])), ORG_HEAD_TITLES);
}
/** A firm's name written as one word in the Latin alphabet ("Apple", "Google", "Vingroup"); not a Vietnamese word ("Ban") or a short form ("Tp"). */
function firmWord(w: string): boolean {
  return w.length >= 3 && /^[A-Z][a-z]+$/.test(w) && !isVietnameseSyllable(w);
}
/** A person's titles, and a firm's head's ("CEO", "ông chủ", "giám đốc điều hành"), before an organisation's word. */
const ORG_HEAD_TITLES = new Set([...TITLE_SET, "ceo", "ông chủ", "nhà sáng lập", "giám đốc điều hành", "tổng giám đốc điều hành"]);

/**
 * "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh": the slogan's list of doctrine
 * words; "phong cách" alone is a person's style ("phong cách Paris Hilton").
 */
const DOCTRINE_LIST = /(?:tư tưởng|đạo đức)\s*,?\s*(?:và\s+)?phong cách $/iu;

/**
 * Words of a firm, an outlet or a club that a place stands after before its name: "công ty Mỹ
 * Kryptos Logic", "tờ Đức Frankfurter …", "đội bóng Australia Brisbane Roar". Not "đội tuyển" (a
 * national team's player: "đội tuyển Anh Harry Kane").
 */
const ORG_BEFORE_PLACE = new Set([
  "công ty",
  "cty",
  "tập đoàn",
  "hãng",
  "hãng xe",
  "hãng hàng không",
  "hãng tin",
  "hãng thông tấn",
  "hãng phim",
  "ngân hàng",
  "quỹ",
  "quỹ đầu tư",
  "báo",
  "tờ",
  "tờ báo",
  "nhật báo",
  "tuần báo",
  "tạp chí",
  "kênh",
  "kênh truyền hình",
  "đài",
  "đài truyền hình",
  "nhà mạng",
  "thương hiệu",
  "nhãn hiệu",
  "đội bóng",
  "câu lạc bộ",
  "clb",
  "ban nhạc",
  "nhóm nhạc",
]);
/** A word before "báo", "đài", "tờ" … that makes it part of another word: "nhà báo" (a journalist), "tình báo", "tượng đài", "giấy tờ". */
const ORG_BEFORE_PLACE_JOINED = new Set(["nhà", "tình", "thông", "cảnh", "dự", "công", "tượng", "lâu", "khán", "giấy"]);

/**
 * How far back from the end of `prefix` the organisation's word of ORG_BEFORE_PLACE starts, up to
 * THING_GAP lowercase words of its kind before the end ("tập đoàn truyền thông Đức Funke
 * Mediengruppe"; not across THING_GAP_STOPS or a title: "công ty của ông"); 0 when none, or when
 * the word before it joins it into another word ("nhà báo", "tình báo").
 */
function orgBeforePlace(prefix: string): number {
  for (const end of endsAcrossLowerWords(prefix, THING_GAP)) {
    const phrases = phrasesBefore(end === prefix.length ? prefix : prefix.slice(0, end));
    for (let i = phrases.length - 1; i >= 0; i--) {
      if (!ORG_BEFORE_PLACE.has(phrases[i])) continue;
      const longer = phrases[i + 1];
      return longer !== undefined && ORG_BEFORE_PLACE_JOINED.has(longer.slice(0, longer.length - phrases[i].length - 1))
        ? 0
        : prefix.length - end + phrases[i].length + 1;
    }
  }
  return 0;
}

/**
 * Where `before` (ending with a space) ends, then where it ends without its last word, its last
 * two … up to `most` words: lowercase words that may follow an organisation's word ("tập đoàn
 * truyền thông", "các thương hiệu thời trang đình đám"), not across THING_GAP_STOPS ("của", "như")
 * or a title ("giám đốc"). Asked only of a few candidates (after a place, before "như").
 */
function endsAcrossLowerWords(before: string, most: number): number[] {
  const ends = [before.length];
  let end = before.length;
  for (let k = 0; k < most; k++) {
    const start = before.lastIndexOf(" ", end - 2) + 1;
    const w = before.slice(start, end - 1);
    // A title's last word ("các công ty nhiều giám đốc như Kevin Tran"): the names after it are people.
    if (start === 0 || !LOWER_WORD.test(w) || THING_GAP_STOPS.has(w) || endsWithPhrase(before.slice(0, end), TITLE_SET)) break;
    ends.push(start);
    end = start;
  }
  return ends;
}

/** Administrative units and groups whose head a title names across the unit's word ("Giám đốc BHXH tỉnh …"); not streets, schools or firms. */
const UNIT_BEFORE = new Set(["tỉnh", "thành phố", "tp", "tp.", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "thôn", "ấp", "bản", "tập đoàn"]);

/** Words between a title and the name it introduces across a unit's word ("Chủ tịch Hội đồng thành viên Tập đoàn"). */
const UNIT_TITLE_GAP = 6;

/** A word of a clause: letters, digits, "&" or "-"; anything else (a comma, a bracket, a quote) ends the clause. */
const CLAUSE_WORD = /^[\p{L}\p{M}\p{N}&-]+$/u;

/**
 * Whether a title stands at most UNIT_TITLE_GAP words before `at` in the same clause, the unit's
 * word (the last word before `at`) after it: "Giám đốc BHXH tỉnh", "Chủ tịch HĐTV Tập đoàn", or
 * the unit's head written "trưởng thôn", "trưởng ấp". Not an honorific alone ("bà con xã …": villagers).
 */
function titleAcrossUnit(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 90), at);
  let end = before.length - 1;
  for (let k = 0; k < UNIT_TITLE_GAP; k++) {
    const start = before.lastIndexOf(" ", end - 1) + 1;
    if (start <= 0) return false;
    const w = before.slice(start, end);
    if (!CLAUSE_WORD.test(w)) return false;
    if (k === 1 && w.toLowerCase() === "trưởng") return true;
    const prefix = before.slice(0, start);
    if (k > 0 && endsWithPhrase(prefix, TITLE_SET) && !endsWithPhrase(prefix, NOT_TITLES) && !HONORIFICS.has(lastWordBefore(prefix) ?? "")) return true;
    end = start - 1;
  }
  return false;
}

/** A party between a title and a name: "Tổng thống Cộng hòa George W. Bush", "Thượng nghị sĩ đảng Dân chủ Mark Warner". */
const PARTY_BEFORE = /\s(?:[đĐ]ảng\s+)?(?:Cộng hòa|Cộng hoà|Dân chủ)\s+$/u;

/** The text before a name without a party right before it, where the title stands. */
function withoutParty(prefix: string): string {
  // Most prefixes end otherwise: the regex only after "hòa " / "hoà " / "chủ ".
  if (!prefix.endsWith("hòa ") && !prefix.endsWith("hoà ") && !prefix.endsWith("chủ ")) return prefix;
  const party = PARTY_BEFORE.exec(prefix);
  return party ? prefix.slice(0, party.index + 1) : prefix;
}

/** A council's unit word right before a name: "UBND tỉnh ", "HĐND xã ". */
const UNIT_OF_COUNCIL = /(?:UBND|HĐND)\s+(?:[tT]ỉnh|[tT]hành phố|TP\.?|[hH]uyện|[qQ]uận|[tT]hị xã|[tT]hị trấn|[xX]ã|[pP]hường)\s+$/u;

/**
 * A house number right before a full name makes it a street: "ở số 318 Phạm Hữu Điều",
 * "(164/235 Trần Quốc Thảo, phường 7". Numbered houses with a slash, or after "số" (not a shirt's
 * number: "áo số 10 …").
 */
const HOUSE_NUMBER_BEFORE = /(?:(?:^|[\s(,])\d+[A-Za-z]?(?:\/\d+[A-Za-z]?)+|(?:^|[\s(,])(?<!áo )số \d+[A-Za-z]?(?:\/\d+[A-Za-z]?)*) $/iu;

/** Capitalised articles that open names of newspapers, clubs and places, never people's (not "La", "Le": Vietnamese family names, "Le Pen"). */
const FOREIGN_ARTICLES = new Set(["Die", "Der", "Das", "El", "Il", "Los", "Las", "Les"]);

/** An acronym of an organisation ("FBI", "GD-ĐT", "LĐTB&XH"): capitals, maybe digits and joiners, two letters or more. */
function isAcronym(w: string): boolean {
  return ACRONYM.test(w) && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !IN_RUN_TITLES.has(lower(w));
}

/** Whether position `at` starts a sentence (or a paragraph, a quote, a dash-separated clause). */
function isSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === " ") i--;
  if (i < 0) return true;
  const c = text[i];
  return '.!?:;"“”…'.includes(c) || ((c === "-" || c === "–") && i < at - 1 && text[i - 1] === " ");
}

/** Offset where the places in front of a segment start, for reading the title before them. */
function runStartOf(offsets: number[], from: number, runWords: string[]): number {
  let i = from;
  while (i > 0) {
    let found = false;
    for (let n = 1; n <= 4 && i - n >= 0; n++) {
      if (placeLength(runWords, i - n) === n) {
        i -= n;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return offsets[i];
}

/** An untitled name that looks foreign ("Emily Blunt"): counted only with support. */
export function isWeakCandidate(m: Candidate): boolean {
  return (
    m.words.length >= 2 &&
    m.words.length <= 3 &&
    m.words.every((w, i) => /^[A-Za-z'’-]+$/.test(w) || /[ñüöäçëïßøå]/iu.test(w) || (i === 0 && /^[A-Z]\.$/.test(w))) &&
    !m.words.some((w) => ENGLISH_FUNCTION_WORDS.has(lower(w))) &&
    !m.vn
  );
}

/** A Vietnamese full name of three or four words with "Văn" or "Thị" second, the middle names of most men and women. */
function hasMiddleName(words: string[]): boolean {
  if (words.length < 3 || words.length > 4 || !isVietnameseName(words)) return false;
  const middle = lower(words[1]);
  // "Sồng A Trắng", "Giàng A Tùng": the Hmong men's middle name, in names of three words.
  return middle === "văn" || middle === "thị" || (middle === "a" && words.length === 3);
}

/** Players and singers named by their given names ("Xuân Trường", "Hồng Duy"): people when listed with people. */
function isGivenNamePair(m: Candidate): boolean {
  return m.words.length >= 2 && m.words.length <= 3 && m.vn;
}

/** Capitalised English words in titles of films, books and events ("The Girl On The Train"). */
export const ENGLISH_FUNCTION_WORDS = new Set([
  "on",
  "in",
  "of",
  "at",
  "to",
  "for",
  "with",
  "by",
  "from",
  "the",
  "a",
  "an",
  "and",
  "or",
  "my",
  "your",
  "our",
  "new",
  "is",
  "are",
  "be",
  "it",
  "this",
  "that",
  "all",
  "no",
  "not",
  "she",
  "he",
  "we",
  "you",
  "they",
  "his",
  "her",
  "me",
  "love",
  "live",
  "do",
  "go",
]);

/** Glue "bin", "van", "von der"… to the next word so a run stays one word per name part. */
function joinParticles(words: string[]): string[] {
  const out: string[] = [];
  let particles = "";
  for (const w of words) {
    // Most words open with an ASCII capital: no particle, no regex needed.
    const c = w.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && /^\p{Ll}/u.test(w) && !/^(?:al|el)-/.test(w)) particles += `${w} `;
    else {
      out.push(particles + w);
      particles = "";
    }
  }
  return out;
}

/** A team's formation right before a line-up's first name: "Málaga (4-5-1): Kameni". */
const FORMATION_BEFORE = /\(\s*\d(?:\s*-\s*\d){2,3}\s*\)\s*:\s*$/u;

/** A state body between a title and a name: "Phó Thủ tướng Chính phủ Trương Hòa Bình", "Chủ tịch Quốc hội …". */
const BODY_AFTER_TITLE = /(?:Chính phủ|Quốc hội|Nhà nước|Trung ương)\s*$/u;

/** Whether `prefix` (the text before a name) ends with a title and a state body after it. */
function titledAcrossBody(prefix: string): boolean {
  const body = BODY_AFTER_TITLE.exec(prefix);
  return Boolean(body) && endsWithPhrase(prefix.slice(0, body!.index), TITLE_SET);
}

/** The length of words joined by single spaces. */
function joinedLength(words: string[]): number {
  let n = words.length - 1;
  for (const w of words) n += w.length;
  return n;
}

/** Whether code unit `c` is "1" or "2", a year's first digit (19xx, 20xx). */
function yearDigit(c: number): boolean {
  return c === 49 || c === 50;
}

/** A list's separator right before a name. */
const LIST_BEFORE = /[,;–-]\s*$/u;

/** Marks the candidates that are items of a line-up (`lineUpItems`); candidates are in text order, and so are the items. */
function markLineUps(texts: string[], out: Candidate[]) {
  let items: number[] = [];
  let itemsOf = -1;
  let k = 0;
  for (const m of out) {
    if (m.text !== itemsOf) {
      itemsOf = m.text;
      items = lineUpItems(texts[m.text]);
      k = 0;
    }
    if (!items.length) continue;
    while (k < items.length && items[k + 1] <= m.start) k += 2;
    if (k < items.length && items[k] <= m.start && m.end <= items[k + 1]) m.lineUp = true;
  }
}

/** Whether a colon stands in the 25 characters before `at`, as `FORMATION_BEFORE` needs (most names have none). */
function colonBefore(text: string, at: number): boolean {
  for (let i = Math.max(0, at - 25); i < at; i++) if (text.charCodeAt(i) === 58) return true;
  return false;
}

/**
 * A hyphen between two Vietnamese syllables, one of them marked, joins two things: places or sides
 * ("Lào Cai-Hà Nội", "ngã tư Nguyễn Văn Linh-Trần Phú", "Việt-Mỹ"), or a name and the title after
 * it ("ông Mai Văn Trinh-Cục trưởng"). No Vietnamese name is written so, and Korean given names'
 * hyphens stand between syllables no Vietnamese writes ("Geun-hye", "Jae-in").
 */
function isJoint(left: string, right: string): boolean {
  return isVietnameseSyllable(left) && isVietnameseSyllable(right) && (NON_ASCII.test(left) || NON_ASCII.test(right));
}

/** A word holding a joint (`isJoint`): "Cai-Hà" of "Lào Cai-Hà Nội". */
function hasJoint(w: string): boolean {
  const hyphen = w.indexOf("-");
  return hyphen > 0 && w.indexOf("-", hyphen + 1) < 0 && isJoint(w.slice(0, hyphen), w.slice(hyphen + 1));
}

/**
 * Whether a person's title of one to three words opens the text at `at` ("Cục trưởng …", "Phó Giám
 * đốc …"), or a unit's head's: "Trưởng" (head) and the unit ("Trưởng Công an huyện", "Phó Trưởng khoa").
 */
function titleOpens(text: string, at: number): boolean {
  const words = text
    .slice(at, at + 40)
    .toLowerCase()
    .split(" ", 3);
  for (let n = 1; n <= words.length; n++) if (TITLE_SET.has(words.slice(0, n).join(" "))) return true;
  const head = words[0] === "phó" ? 1 : 0;
  return words[head] === "trưởng" && words.length > head + 1;
}

/**
 * The runs with each one split where a joint (`isJoint`) is followed by a person's title: "Mai Văn
 * Trinh-Cục trưởng" is read as the name, then the title. A joint between places or sides is left
 * in its run, whose candidate is then placed (see `segment`).
 */
function splitAtJoints(text: string, runs: number[]): number[] {
  let out: number[] | null = null;
  for (let r = 0; r < runs.length; r += 2) {
    let start = runs[r];
    const end = runs[r + 1];
    for (let h = text.indexOf("-", start); h > start && h < end; h = text.indexOf("-", h + 1)) {
      const from = Math.max(start, text.lastIndexOf(" ", h) + 1);
      const space = text.indexOf(" ", h);
      if (!isJoint(text.slice(from, h), text.slice(h + 1, space < 0 || space > end ? end : space)) || !titleOpens(text, h + 1)) continue;
      out ??= runs.slice(0, r);
      out.push(start, h);
      start = h + 1;
    }
    if (out) out.push(start, end);
  }
  return out ?? runs;
}

/**
 * A foreign word with a common Vietnamese word glued on by a lost space ("bà Park Geun-hyeđã gửi",
 * "Tillersoncũng", "Trumpvà Putin"): a capital and two ASCII letters or hyphens or more, then
 * the Vietnamese word. Only words with a Vietnamese mark are read, so no foreign name
 * ends with one ("Sancho", "Armstrong" end with the unmarked "cho", "trong").
 */
const GLUED_VIETNAMESE_WORD =
  /[A-Za-z][a-z](?:đã|được|đang|cũng|của|có|và|với|là|sẽ|vừa|để|thì|người|này|không|bị|đến|từ|tại|nói|cùng|vẫn|mới|rằng|đó)(?![\p{L}\p{M}\p{N}])/gu;

/** The letters of the foreign word the Vietnamese word is glued to, and its first letter. */
const ASCII_WORD_CHAR = /[A-Za-z-]/;
const ASCII_CAPITAL = /[A-Z]/;

/**
 * The runs cut where a Vietnamese word is glued to a word of theirs (`GLUED_VIETNAMESE_WORD`): the
 * run ends with the foreign word, and what follows the glued word is a run of its own.
 */
export function cutGluedWords(text: string, runs: number[]): number[] {
  let cuts: number[] | null = null;
  for (const m of text.matchAll(GLUED_VIETNAMESE_WORD)) {
    // The word it is glued to (the match's two letters end it): ASCII letters and hyphens back to a capital, three or more.
    const at = m.index + 2;
    let from = m.index;
    while (from > 0 && ASCII_WORD_CHAR.test(text[from - 1])) from--;
    if (at - from >= 3 && ASCII_CAPITAL.test(text[from])) (cuts ??= []).push(at);
  }
  if (!cuts) return runs;
  const out: number[] = [];
  let c = 0;
  for (let r = 0; r < runs.length; r += 2) {
    let start = runs[r];
    const end = runs[r + 1];
    for (; c < cuts.length && cuts[c] < end; c++) {
      if (cuts[c] <= start) continue;
      out.push(start, cuts[c]);
      // What follows the glued word in the run (a capitalised word after its space), if anything.
      const space = text.indexOf(" ", cuts[c]);
      start = space < 0 || space >= end ? end : space + 1;
    }
    if (start < end) out.push(start, end);
  }
  return out;
}

/** A linked video's or clip's heading word: "Kết quả Video Federer thắng Nadal", "(Halle, Đức) Video Federer biến …". */
const MEDIA_WORDS = ["Video", "Clip"];

/**
 * The runs with a media word (`MEDIA_WORDS`) cut out where no sentence starts with it: a linked
 * heading glued on by a lost full stop opens with it, and no name holds it. At a sentence's start
 * `segment` drops it already, as a sentence's first word.
 */
export function cutMediaWords(text: string, runs: number[]): number[] {
  let out: number[] | null = null;
  for (const word of MEDIA_WORDS) {
    // Most texts hold neither word: one search each before reading the runs.
    if (!text.includes(`${word} `)) continue;
    const cut: number[] = [];
    const from = out ?? runs;
    for (let r = 0; r < from.length; r += 2) {
      let start = from[r];
      const end = from[r + 1];
      for (let at = text.indexOf(`${word} `, start); at >= 0 && at + word.length < end; at = text.indexOf(`${word} `, at + 1)) {
        // The whole word: a run's start or a space before it.
        if ((at > start && text.charCodeAt(at - 1) !== 32) || (at === start && isSentenceStart(text, at))) continue;
        if (at > start) cut.push(start, at - 1);
        start = at + word.length + 1;
      }
      if (start < end) cut.push(start, end);
    }
    out = cut;
  }
  return out ?? runs;
}

/** Every name segment of the article's title and paragraphs, accepted or not (see `resolvePeople`). */
export function findCandidates(texts: string[]): Candidate[] {
  const out: Candidate[] = [];
  texts.forEach((text, i) => {
    // Runs of capitalised words (charClass.CAPITAL_RUN), found by character code.
    const runs = cutMediaWords(text, cutGluedWords(text, splitAtJoints(text, capitalRuns(text))));
    for (let r = 0; r < runs.length; r += 2) {
      const run = text.slice(runs[r], runs[r + 1]);
      // Most runs are one word (it opens with a capital or "al-", so it is no particle), and a
      // quarter of all runs are one word that names no one ("Trong", "Theo", "Mỹ").
      if (!run.includes(" ")) {
        if (!quietWord(text, runs[r], run)) mentionsInRun(text, runs[r], [run], i, out);
      } else mentionsInRun(text, runs[r], cuedCapitalNames(text, runs[r], joinParticles(run.split(" "))), i, out);
    }
    const caps = capitalNames(text, i);
    if (caps.length) {
      out.push(...caps);
      out.sort((x, y) => x.text - y.text || x.start - y.start);
    }
  });
  const LIST_GAP = /^\s*(?:,|và|,\s*và|hay|hoặc)\s*$/u;
  attachInitials(texts, out);
  for (const m of out) withInitials(texts[m.text], m);
  markLineUps(texts, out);
  for (const m of out) {
    const text = texts[m.text];
    m.before = wordsBefore(text.slice(Math.max(0, m.start - 30), m.start));
    m.after = wordAfter(text, m.end);
    if (colonBefore(text, m.start) && FORMATION_BEFORE.test(text.slice(Math.max(0, m.start - 25), m.start))) m.formation = true;
    if (!m.known && m.vn && ORG_COMPOUNDS.has(`${lower(m.words[m.words.length - 1])} ${m.after}`)) {
      // After a title too when two words open with no family name: "phóng viên Đài Truyền hình", "Giám đốc Đài Khí tượng".
      if (!m.titled || (m.words.length === 2 && !VN_SURNAMES.has(lower(m.words[0])))) m.placed = true;
    }
    // "Roland Garros 2017", "Champions League 2016-17": a foreign name followed by a year names an event.
    // The year's space and first digit first: most names have neither after them.
    if (
      !m.titled &&
      !m.placed &&
      !m.known &&
      text.charCodeAt(m.end) === 32 &&
      yearDigit(text.charCodeAt(m.end + 1)) &&
      !m.vn &&
      /^ (?:19|20)\d\d(?!\d)/.test(text.slice(m.end, m.end + 6))
    )
      m.placed = true;
  }
  for (const m of out) {
    if (!m.titled && isFiled(texts[m.text], m)) {
      m.placed = true;
      m.credit = true;
      m.filed = true;
    } else if (!m.titled && !(m.lineUp && LIST_BEFORE.test(texts[m.text].slice(Math.max(0, m.start - 3), m.start))) && isCredit(texts, m)) {
      // A line-up's last player closing the article ("…; Diego Costa.") is listed, not a byline.
      m.placed = true;
      m.credit = true;
    } else if (!m.titled && !m.placed && isOrgAlias(texts[m.text], m)) m.placed = true;
    else if (!m.titled && !m.placed && isQuotedTitle(texts[m.text], m)) {
      m.placed = true;
      m.quoted = true;
    }
    // "Santos 4-0 Sporting Cristal": a foreign name beside one match score is a team's here. Counted
    // bare in the archive (`near`): players stand beside scores in other shapes, and one result
    // says nothing of the name's other senses ("Santos" of Fernando Santos).
    else if (!m.titled && !m.placed && !m.known && besideScore(texts[m.text], m.start, m.end) && !m.vn) {
      m.placed = true;
      m.near = true;
    }
  }
  // "phố Hoàng Ngân và Nguyễn Thị Thập": full names listed right after a street's are streets
  // too, unless a title or a person cue says otherwise. After a street word written in lower case
  // ("đường Ký Con, Calmette, Nguyễn Công Trứ"), one-word and foreign streets are listed too, and
  // the list goes on past them; not after a capitalised one, a family name ("Đường Yên, Lưu Thi
  // Thi, Taeyeon": actresses), nor after "thành phố" (a city, then its officials).
  let street: false | "names" | "any" = false;
  out.forEach((m, i) => {
    const prev = out[i - 1];
    const text = texts[m.text];
    if (
      street &&
      prev.text === m.text &&
      !m.titled &&
      !m.known &&
      !m.placed &&
      (street === "any" || (m.words.length >= 2 && m.vn)) &&
      LIST_GAP.test(text.slice(prev.end, m.start)) &&
      !PERSON_AFTER.test(text.slice(m.end, m.end + 30))
    ) {
      m.placed = true;
      return;
    }
    if (!m.placed || m.credit) {
      street = false;
      return;
    }
    // The text before only for placed names (a fifth of the candidates).
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    street = endsWithPhrase(before, STREET_WORDS) && (STREET_LIST_BEFORE.test(before) ? "any" : "names");
  });
  // "các thương hiệu nổi tiếng như Marc Jacobs, Vera Wang", "quỹ đầu tư lớn như Morgan Stanley": a
  // list a firm's or a brand's word introduces with "như" (such as) names firms and brands, named
  // after people or not. Counted bare in the archive (`near`): the designer is a person elsewhere.
  let brands = false;
  out.forEach((m, i) => {
    const prev = out[i - 1];
    const text = texts[m.text];
    const listed = brands && prev.text === m.text && LIST_GAP.test(text.slice(prev.end, m.start));
    brands = false;
    // A Vietnamese full name there is a person's ("các doanh nghiệp như ông …" aside, an owner or a player).
    if (m.titled || m.known || m.placed || m.credit || (m.vn && m.words.length >= 2 && VN_SURNAMES.has(lower(m.words[0])))) return;
    if (!listed && !(text.startsWith("như ", m.start - 4) && firmsSuchAs(text.slice(Math.max(0, m.start - 70), m.start - 4)))) return;
    m.placed = true;
    m.near = true;
    brands = true;
  });
  // "Arsenal Ospina – Monreal, …": a team's name heads its line-up; the first player is no part of it.
  out.forEach((m, i) => {
    const next = out[i + 1];
    if (!m.inOrg || m.words.length !== 1 || !next || next.placed || next.text !== m.text || next.words.length !== 1) return;
    const gap = texts[m.text].slice(m.end, next.start);
    if (!LIST_GAP.test(gap) && !SEP_GAP.test(gap)) return;
    m.placed = false;
    // Unset, not deleted: a deleted field leaves the candidate's hidden class for a slow dictionary.
    m.inOrg = undefined;
  });
  const named = out.filter((m) => !m.placed);
  named.forEach((m, i) => {
    const text = texts[m.text];
    const after = text.slice(m.end, m.end + 30);
    m.cue = PERSON_AFTER.test(after) || TITLE_AFTER.test(after) || endsWithPhrase(text.slice(Math.max(0, m.start - 30), m.start), SCORER_BEFORE);
    const next = named[i + 1];
    if (!next || next.text !== m.text) {
      m.listNext = false;
      return;
    }
    // The gap to the next name, sliced once for the four separators' tests.
    const gap = text.slice(m.end, next.start);
    m.listNext = LIST_GAP.test(gap);
    if (!m.listNext && (SEP_GAP.test(gap) || SHIRT_GAP.test(gap))) m.sepNext = true;
    if (MINUTE_GAP.test(gap)) m.minuteNext = true;
  });
  // Not in sports pieces, nor beside a line-up of shirt numbers ("31 Ederson 30 Nicolas Otamendi").
  if (!sportsPiece(out) && !out.some((m) => m.sepNext)) placeModels(texts, out);
  return out;
}

/**
 * Words of firms, brands and outlets that introduce a list of them with "như" (such as). Not a
 * club's: "những cái tên đem lại thành công cho đội bóng như Kevin Strootman" lists its players.
 */
const FIRMS_SUCH_AS = new Set([
  "thương hiệu",
  "nhãn hàng",
  "nhãn hiệu",
  "hãng",
  "tập đoàn",
  "công ty",
  "ngân hàng",
  "quỹ",
  "doanh nghiệp",
  "nhà mạng",
  "mạng xã hội",
  "ứng dụng",
  "báo",
  "tờ báo",
  "tạp chí",
]);
/** "các nhà báo như …" (journalists), "tình báo" (intelligence): no firms' word. */
const NOT_FIRMS_SUCH_AS = new Set(["nhà báo", "tình báo", "dự báo", "cảnh báo", "thông báo"]);
/** Lowercase words that may stand between the firms' word and "như": "các thương hiệu thời trang đình đám như". */
const FIRMS_SUCH_AS_GAP = 5;

/** Whether `before` (the text before "như") ends with a word of FIRMS_SUCH_AS and at most FIRMS_SUCH_AS_GAP lowercase words of its kind. */
function firmsSuchAs(before: string): boolean {
  return endsAcrossLowerWords(before, FIRMS_SUCH_AS_GAP).some((end) => {
    const head = before.slice(0, end);
    return endsWithPhrase(head, FIRMS_SUCH_AS) && !endsWithPhrase(head, NOT_FIRMS_SUCH_AS);
  });
}

/**
 * "Xiaomi Mi Max 2", "Hero Achiever 150", "Ranger Wildtrak 3.2L": outside sports pieces and line-ups
 * (where shirt numbers and minutes follow players), a foreign name every mention of which a model number
 * follows (`modelNumberAfter`) is a product's, here. Counted bare in the archive (`near`), as one
 * product says nothing of the name's other senses. Not a titled, known or cued name.
 */
function placeModels(texts: string[], out: Candidate[]) {
  // Most articles have no name with a number after it: the character test first, the names' keys only then.
  if (!out.some((m) => !m.placed && modelNumberAfter(texts[m.text], m.end))) return;
  const models = new Map<string, boolean>();
  for (const m of out) {
    if (m.placed || m.vn || VN_ONLY.test(m.words[0])) continue;
    const key = m.key;
    const model = !m.titled && !m.known && !m.cue && modelNumberAfter(texts[m.text], m.end);
    models.set(key, (models.get(key) ?? true) && model);
  }
  for (const m of out) {
    if (m.placed || !models.get(m.key)) continue;
    m.placed = true;
    m.near = true;
  }
}

/**
 * Initials right before a name, after a given name ("George W. ", "Joseph P. ", "George H.W. ")
 * or two or more on their own ("H.R. ", "J.K. "); the given name opens no other capitalised word's run.
 */
const INITIALS_BEFORE = /(?<![\p{L}\p{M}\p{N}.])(?:(\p{Lu}[\p{Ll}\p{M}]+) (?=\p{Lu}\.)|(?=\p{Lu}\.\p{Lu}))((?:\p{Lu}\.)+\p{Lu}?\.?) $/u;

/**
 * "George W. Bush", "H.R. McMaster", "Joseph P. Kennedy": capitalised runs stop at a full
 * stop, so the run before the initials is dropped as a name cut at an initial ("George W") and
 * the name after them stands alone ("Bush"). A foreign name with initials before it takes them
 * and the given name before them back, and with them the title or place word before them.
 */
function withInitials(text: string, m: Candidate) {
  const s = m.start;
  // Cheap test first: a full stop or a capital right before the space before the name.
  if (s < 3 || text.charCodeAt(s - 1) !== 32 || (text.charCodeAt(s - 2) !== 46 && text.charCodeAt(s - 3) !== 46)) return;
  if (m.known || m.placed || !m.words.every(isForeignWord)) return;
  const found = INITIALS_BEFORE.exec(text.slice(Math.max(0, s - 30), s));
  if (!found) return;
  const [whole, given, initials] = found;
  if (given && !isForeignWord(given)) return;
  const start = s - whole.length;
  // "Tổng thống Mỹ George W. Bush": a place between the title and the name qualifies it.
  let prefix = text.slice(Math.max(0, start - 60), start);
  const qualifier = /(\p{Lu}[\p{L}\p{M}]*) $/u.exec(prefix);
  if (qualifier && placeLength([qualifier[1]], 0) === 1) prefix = prefix.slice(0, qualifier.index);
  if (endsWithPhrase(prefix, PLACE_BEFORE_SET)) return;
  setWords(m, given ? [given, initials, ...m.words] : [initials, ...m.words]);
  m.start = start;
  if (!m.titled && endsWithPhrase(withoutParty(prefix), TITLE_SET)) {
    m.titled = true;
    m.strong = true;
    m.personTitled = endsWithPhrase(prefix, PERSON_ONLY_TITLES);
  }
}

/**
 * "C.Ronaldo", "V. Putin", "7 S. Larsson": a foreign surname (one or two words) after one
 * initial (`lib/corpus/initials.ts`). The initial's one-letter candidate, with its title, becomes
 * the name's: words `C.`, `Ronaldo`. Vietnamese names abbreviated this way ("T.Nhung",
 * "Q.Bình") are no foreign words and stay out.
 */
function attachInitials(texts: string[], out: Candidate[]) {
  let kept = 0;
  for (let k = 0; k < out.length; k++) {
    const m = out[k];
    const text = texts[m.text];
    const n = initialled(text, m, out[k + 1]);
    if (n === out[k + 1]) k++;
    out[kept++] = n ?? m;
  }
  out.length = kept;
}

/** The candidate the one-letter candidate `m` opens as an initial (`next` taken over or a new one), or null. */
function initialled(text: string, m: Candidate, next: Candidate | undefined): Candidate | null {
  if (m.words.length !== 1 || m.words[0].length !== 1 || text.charCodeAt(m.end) !== 46 || m.placed || m.caps) return null;
  let n: Candidate;
  if (text.charCodeAt(m.end + 1) === 32) {
    if (!next || next.text !== m.text || next.start !== m.end + 2 || next.words.length > 2 || next.placed || !next.words.every(isForeignWord)) return null;
    if (!spacedInitial(text, m.start, m.titled)) return null;
    n = next;
  } else {
    const surname = gluedSurname(text, m.end);
    // "H.Krông Ana" (huyện Krông Ana): a glued word that opens a longer run is a place's or a body's name.
    if (!surname || !isForeignWord(surname) || /^ \p{Lu}/u.test(text.slice(m.end + 1 + surname.length, m.end + 3 + surname.length))) return null;
    const found: Candidate[] = [];
    mentionsInRun(text, m.end + 1, [surname], m.text, found);
    if (found.length !== 1 || found[0].placed) return null;
    n = found[0];
    n.glued = true;
  }
  setWords(n, [`${m.words[0]}.`, ...n.words]);
  n.start = m.start;
  if (m.titled) {
    n.titled = true;
    n.strong = true;
    n.personTitled ||= m.personTitled;
  }
  return n;
}

/**
 * A looser list separator than `,`/`và`: a scorer's minutes ("76, ", "45+1 - "), a short
 * parenthesis ("(cú đúp), "), then a comma, semicolon or dash ("Ospina – Monreal").
 */
const MINUTE = "\\d{1,3}(?:\\+\\d{1,2})?['’]?";
const SEP_GAP = new RegExp(`^\\s*(?:${MINUTE}(?:\\s*,\\s*${MINUTE})*\\s*)?(?:\\([^()]{0,20}\\)\\s*)?(?:[,;–-]|,?\\s*và|hay|hoặc)\\s*$`, "u");

/** A shirt number between two players of a line-up: "25 Fernandinho 17 Kevin De Bruyne 7 Raheem Sterling". */
const SHIRT_GAP = /^ \d{1,2} $/;

/** A scorer's minutes between two scorers: "18, ", "45+1 - ", "63, 84 ", "76' (pen), ". */
const MINUTE_GAP = new RegExp(`^\\s*${MINUTE}(?:\\s*,\\s*${MINUTE})*\\s*(?:\\([^()]{0,20}\\)\\s*)?(?:[,;–-]|,?\\s*và)\\s*$`, "u");

/** Particles written in lower case inside a title-cased name ("DAVID DE GEA" → "David de Gea"). */
const PARTICLES = new Set(["bin", "ibn", "van", "von", "de", "da", "di", "del", "der", "dos", "ter"]);
/**
 * Two to four words in capitals, each of two letters or more ("MARC-ANDRE TER STEGEN"), with no
 * letter or digit before them: checked by `matchesNotAfter` (LETTER_OR_DIGIT), not by a lookbehind.
 */
const CAPS_RUN = /\p{Lu}{2,}(?:[-'’]\p{Lu}+)*(?: \p{Lu}{2,}(?:[-'’]\p{Lu}+)*){1,3}(?![\p{L}\p{N}])/gu;
/** Capital-name runs a text needs before they count as a table of names. */
const CAPS_TABLE_MIN = 3;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Names in capitals ("MANUEL NEUER | Bayern | 8 trận. THOMAS DIDILLON | Metz | …"): a text with
 * three or more runs in capitals that read as foreign personal names once title-cased (not
 * Vietnamese, whose capitals are headings and bylines, no English function words, no acronym
 * of two letters) is a table of people; its names become candidates, title-cased.
 */
function capitalNames(text: string, textIndex: number): Candidate[] {
  if (!hasCapitalPair(text)) return [];
  const found: Candidate[] = [];
  for (const r of matchesNotAfter(CAPS_RUN, text, LETTER_OR_DIGIT)) {
    const parts = r[0].split(" ");
    const titled = parts.map((w, i) =>
      i > 0 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : w.replace(/\p{Lu}+/gu, (x) => x[0] + x.slice(1).toLowerCase()),
    );
    const words = joinParticles(titled);
    if (words.length < 2 || words.some((w) => w.length < 3 && !/^\p{Ll}/u.test(w))) continue;
    const key = nameKey(words);
    const vn = isVietnameseName(words);
    const start = r.index ?? 0;
    const m = newCandidate(words, key, vn, knownByKey.get(key)?.name ?? null, textIndex, start, start + r[0].length);
    m.caps = true;
    // "CÔNG TY TNHH MTV …": a company's legal form is no one's name.
    const personLike = words.every((w) => {
      const lw = w.toLowerCase();
      return /^[\p{L}'’ -]+$/u.test(w) && !ENGLISH_FUNCTION_WORDS.has(lw) && !NON_PERSON_WORDS.has(lw) && !COMPANY_FORMS.has(lw);
    });
    if (personLike && !vn && words.length <= 4) found.push(m);
  }
  return found.length >= CAPS_TABLE_MIN ? found : [];
}

/** An address in brackets after a reader's signature: "NGUYỄN THANH CẦN (Xã Vĩnh Hòa, huyện U Minh Thượng …)". */
const ADDRESS_AFTER = /^ {0,2}\((?:xã|phường|khối|phố|thôn|ấp|tổ|số|huyện|quận|thị trấn|thị xã|tp|tỉnh)(?![\p{L}\p{M}])/iu;
/** A role after a comma: "TRẦN BÁ ĐẠI, cán bộ UBND xã …" (not a source or a credit: "…, theo …", "…, ảnh …"). */
const ROLE_AFTER = /^, ?(?!theo |ảnh |tổng hợp|lược dịch|dịch |từ )\p{Ll}/u;

/**
 * "Ông VŨ PHI LONG, nguyên Phó Chánh tòa…", "Luật sư NGUYỄN THỊ DIỆU HIỀN", a reader's letter signed
 * "NGUYỄN THANH CẦN (Xã Vĩnh Hòa, …)": a Vietnamese name written in capitals (two to four
 * syllables, a family name first) with a person's cue — an honorific or a title right before it,
 * an address or a role right after it — is read as the same name title-cased, as the rules read
 * any name. Without a cue, capitals are a byline or a credit ("Ảnh: HOÀNG TRIỀU", "PHẠM KHÁNH
 * (Tổng hợp)"), a heading or an acronym, and stay out (mentionsInRun splits a run at them).
 * Returns `words` itself when nothing is recased (most runs hold no word in capitals).
 */
function cuedCapitalNames(text: string, runStart: number, words: string[]): string[] {
  let out = words;
  let pos = runStart;
  for (let i = 0; i < words.length;) {
    let j = i;
    let end = pos;
    while (j < words.length && isCapitals(words[j])) end += words[j++].length + 1;
    if (j === i) {
      pos += words[i++].length + 1;
      continue;
    }
    const name = words.slice(i, j).map((w) => w[0] + w.slice(1).toLowerCase());
    const before = i > 0 ? lower(words[i - 1]) : "";
    const after = j === words.length ? text.slice(end - 1, end + 16) : "";
    const cued =
      (i > 0 ? IN_RUN_TITLES.has(before) : endsWithPhrase(text.slice(Math.max(0, runStart - 60), runStart), TITLE_SET)) ||
      ADDRESS_AFTER.test(after) ||
      ROLE_AFTER.test(after);
    if (cued && name.length >= 2 && name.length <= 4 && VN_SURNAMES.has(lower(name[0])) && isVietnameseName(name) && !allPlaces(name)) {
      if (out === words) out = words.slice();
      out.splice(i, j - i, ...name);
    }
    pos = end;
    i = j;
  }
  return out;
}

const CLOSING_QUOTE: Record<string, string> = { "'": "'", "‘": "’", "“": "”", '"': '"' };

/** A name quoted on its own ("'Inside Job' - Cuộc khủng hoảng…") is the title of a work, not a person. */
function isQuotedTitle(text: string, m: Candidate): boolean {
  const close = CLOSING_QUOTE[text[m.start - 1] ?? ""];
  return close !== undefined && text[m.end] === close;
}

/** "Tổng công ty vận tải Hà Nội (Transerco)": a name in brackets right after an organisation's is its short name. */
const ORG_BEFORE_BRACKET =
  /(?:công ty|tập đoàn|ngân hàng|tổ chức|hãng|quỹ|hiệp hội|liên đoàn|trung tâm|viện|ủy ban|tổng cục|doanh nghiệp|nhà máy)[^().,;:!?]{0,50}\($/iu;
function isOrgAlias(text: string, m: Candidate): boolean {
  return text[m.end] === ")" && ORG_BEFORE_BRACKET.test(text.slice(Math.max(0, m.start - 70), m.start));
}

/** What follows a byline with the outlet and the time of filing: " - Thể thao Việt Nam | 09:28". */
const BYLINE_FILED = /^ [-–] [^|.!?]{2,40}\| ?\d{1,2}:\d\d/u;

/** "Hà Dương - Thể thao Việt Nam | 09:28 07/02/2017": a byline, its outlet and the time it was filed, wherever it stands. */
function isFiled(text: string, m: Candidate): boolean {
  const dash = text.charCodeAt(m.end + 1);
  return (dash === 45 || dash === 0x2013) && BYLINE_FILED.test(text.slice(m.end, m.end + 60));
}

/**
 * A photo credit ("Ảnh: Đinh Tuấn", or "Ảnh Tuấn Tú" without the colon right after a caption's
 * full stop) or a reader's story's author ("Tác giả: Đào Thị Thu Hạnh") anywhere.
 */
const CREDIT_BEFORE = /(?:ảnh|nguồn|photo|đồ họa)\s*:\s*$/iu;
/** Opening a sentence only: "nhóm tác giả: Hà Quốc Việt" and "(tác giả: Bùi Quốc Bảo)" name authors of works. */
const CREDIT_BARE = /(?:^|[.!?…"”)] )(?:Ảnh|Tác giả:) $/u;
/**
 * Photo or video credits closing the article after a byline: ". Ảnh: Đoàn phim cung cấp", ". Ảnh và
 * Clip: Hải Bá"; the byline's full stop is often lost ("Quỳnh Anh Clip: Afamily") and credits are
 * listed with semicolons ("Hoàng Anh; Ảnh: Nhím; Clip: BTC").
 */
const CREDIT_AFTER = /^(?:[.;]?\s*(?:Ảnh|Nguồn|Video|Clip|Đồ họa)(?: và \p{L}+)?\s*:[^.!?:;]{0,50}){1,3}[.;]?$/u;
/** What may follow a byline: the outlet or "(Tổng hợp)", "Tổng hợp" (compiled), "/VOV.VN", another author, nothing else lowercase. */
const BYLINE_TAIL =
  /^(?:\s+(?!\s)|\([^()]{0,40}\)|[Tt]ổng hợp(?![\p{L}\p{M}])|[/–-]\s*[^\s/]+(?![^\s/])|[\p{Lu}\d][\p{L}\p{M}\d.]*(?![\p{L}\p{M}\d.])|[.,&–-])*$/u;

/**
 * `CREDIT_BEFORE` or `CREDIT_BARE` over the 15 characters before `start`. Both need a colon
 * in those characters (`CREDIT_BEFORE`, "Tác giả:") or "Ảnh " right before the name
 * (`CREDIT_BARE`); most names have neither.
 */
function creditBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 15);
  if (text.lastIndexOf(":", start - 1) < from && !text.startsWith("Ảnh ", start - 4)) return false;
  const before = text.slice(from, start);
  return CREDIT_BEFORE.test(before) || CREDIT_BARE.test(before);
}

/**
 * Whether a candidate credits the article rather than naming someone in it: a photo credit, or
 * a byline, a name standing alone at the start of a sentence in the last paragraph with at most
 * an outlet or another author after it ("… trước Fiorita./. Hoàng Yến/VOV.VN", "Lưu Hoài (T/h)").
 */
function isCredit(texts: string[], m: Candidate): boolean {
  const text = texts[m.text];
  // Asked of every candidate: the regexes only where the character they need stands (a colon
  // or "Ảnh " before the name for a credit, a slash right after it for an outlet).
  if (creditBefore(text, m.start)) return true;
  if (text.charCodeAt(m.end) === 47) {
    // "Hoàng Yến/VOV.VN": an author glued to the outlet by a slash.
    // "CTV Lê Tùng/VOV.VN": a contributor's or reporter's abbreviation may stand before it.
    // So may "Theo" (according to): "Theo Thanh Minh/Công an TPHCM".
    if (
      /^\/\s*\p{Lu}/u.test(text.slice(m.end, m.end + 3)) &&
      (isSentenceStart(text, m.start) || /(?:^|[\s.])(?:CTV|PV|BTV|NV|Theo)\s+$/u.test(text.slice(Math.max(0, m.start - 6), m.start)))
    )
      return true;
    // "… Hoàng Yến/VOV.VN Hoàng Yến/VOV.VN": a name glued to an outlet's acronym by a slash credits it wherever it stands.
    if (/^\/(?:\p{Lu}{2,}|\p{Lu}+(?:\.\p{Lu}+)+)(?![\p{L}\p{N}])/u.test(text.slice(m.end, m.end + 16))) return true;
  }
  if (texts.length < 2 || m.text !== texts.length - 1) return false;
  const tail = text.slice(m.end);
  if (tail.length > 60) return false;
  // "… hậu trường: Hoàng Anh. Ảnh: Đoàn phim cung cấp": a byline standing alone before the closing photo credit.
  if (CREDIT_AFTER.test(tail) && isSentenceStart(text, m.start)) return true;
  // "… Oscar 2011. Hà My Theo Trí thức trẻ/Business Insider": a byline glued to the source it cites.
  if (/^ Theo \p{Lu}[^.!?]*$/u.test(tail)) return true;
  if (!BYLINE_TAIL.test(tail)) return false;
  // "… 40 tỷ đồng Lê Hữu Việt": a name closing the article with no full stop after it signs it.
  if (tail === "") return true;
  // "… Tổng thống Macron Hà Khoa": a byline glued to the last word of the text.
  const glued = m.vn && isForeignWord(/(\S+) $/u.exec(text.slice(Math.max(0, m.start - 30), m.start))?.[1] ?? "");
  return glued || isSentenceStart(text, m.start) || /\(?theo\s+$/iu.test(text.slice(Math.max(0, m.start - 8), m.start));
}

/** The people named in the article's title and paragraphs. */
export function findPeople(texts: string[]): Entity[] {
  return resolvePeople(findCandidates(texts));
}

/** What archive-wide evidence and a learned tagger may add to the rules (lib/corpus/people-evidence.ts). */
export interface PeopleHelpers {
  /** Whether a candidate the rules leave undecided is a person (archive titles, tagger). */
  accept?: (m: Candidate, all: readonly Candidate[]) => boolean;
  /** Whether a candidate the rules accept is in fact not a person (archive: a street, a school). */
  reject?: (m: Candidate) => boolean;
  /**
   * Whether a one-word mention no full name explains is a person on its own: titled ("tiền đạo
   * Lacazette") or bare ("Griezmann") with the archive's support. Without it, only after a title
   * people alone take ("Ngoại trưởng Tillerson").
   */
  acceptSingle?: (m: Candidate, alone?: boolean) => boolean;
  /**
   * Whether a one-word name is a player's where the article is a sports piece (`sportsPiece`):
   * the archive writes it mostly as the surname of full names ("Schwartzman"), or titles it
   * often and rarely places it ("Neymar", "Casemiro").
   */
  sportsSingle?: (m: Candidate) => boolean;
  /** Whether a one-word foreign name mostly ends full names across the archive ("Varane", "Suarez"; `PeopleEvidence.surnameSingle`). */
  surnameSingle?: (m: Candidate) => boolean;
  /** Whether titles introduce this full name across the archive far more often than place words do (`PeopleEvidence.titledName`). */
  titledElsewhere?: (m: Candidate) => boolean;
  /** Whether the archive names places far more often than people with this name ("Biên Hòa"). */
  mostlyPlace?: (m: Candidate) => boolean;
  /**
   * Whether a two-word Vietnamese given name ends full names titles introduce across the archive
   * ("tiền vệ Lương Xuân Trường"): a player named by it in a sports piece (`PeopleEvidence.titledGivenName`).
   */
  titledGiven?: (m: Candidate) => boolean;
  /** Whether a one-word name in a line-up may be a person: false when the archive writes it mostly after place words. */
  listedSingle?: (m: Candidate) => boolean;
  /**
   * Whether the archive has this full name (by `nameKey`) in no other article or, given `than`
   * (the key of a shorter name in it), in far fewer articles than that one.
   */
  rare?: (key: string, than?: string) => boolean;
  /**
   * Whether the first word of a name was glued on before another name by a missing full stop
   * ("Porto Iker Casillas", "Ronaldo Karim Benzema"): the archive has the name without it
   * several times as often, and that word on its own at least as often as opening a name; or, of
   * three words, that word so and the next a given name ("CEO Uber Travis Kalanick").
   */
  gluedBefore?: (words: string[]) => boolean;
  /**
   * Whether four words are two full names glued by a lost full stop ("Gareth Bale Alvaro Morata":
   * a headline's last name and the next sentence's first): the archive has each half in several
   * articles, and several times as often as the four words together.
   */
  gluedPair?: (words: string[]) => boolean;
  /**
   * Whether a name's last word was glued on after it ("Nguyễn Tiến Linh Hai cầu thủ …"): the archive
   * has the name without that word in several articles, and several times as often as with it.
   */
  gluedAfter?: (words: string[]) => boolean;
  /** Whether the corpus writes this word in lower case nearly always ("sự", "vào"; the tagger's `lowerShare`, top bucket). */
  mostlyLower?: (word: string) => boolean;
  /** Whether the corpus writes this word in lower case five times in eight or more ("vua", "cha"; `lowerShare`'s two top buckets). */
  oftenLower?: (word: string) => boolean;
  /** Canonical id for a person's name, so variants share one id across the archive. */
  canonicalId?: (key: string, name: string) => string | undefined;
  /**
   * Whether the foreign word glued before a Vietnamese full name (`Candidate.stage`) is part of a
   * stage name: the archive writes the two together in several articles, and the word is no
   * place's or firm's there ("Soobin Hoàng Sơn"; not "PVTex Vũ Đình Duy", a firm and its head).
   */
  stageName?: (m: Candidate) => boolean;
  /**
   * Whether a foreign name opens with a thing's name: the archive writes its first word alone at
   * least twice as often as full names open with it (a place or a brand, "Cardrona", "Vietlott"; not
   * a given name, "Katy", "Johanna"), and its second word opens full names no more often than it
   * stands alone (no given name: "Everton James Rodriguez" is a club glued before a player).
   */
  namedAfterHead?: (words: string[]) => boolean;
  /** Whether the tagger is sure an untitled name is not a person ("Tata Nano"), whatever the article's support. */
  doubt?: (m: Candidate) => boolean;
  /**
   * Whether a person found (`words`: the name as shown) keeps its place, given the article's
   * candidates: the judge learned from the hand labels (lib/corpus/people-judge.ts).
   */
  judge?: (words: readonly string[], mentions: readonly Candidate[]) => boolean;
  /** Whether a full name no person found explains (`openNames`) is a person after all: the judge's second model. */
  add?: (words: readonly string[], mentions: readonly Candidate[]) => boolean;
}

/**
 * One name, one sense per article: a name that stands after a place or thing word here
 * ("tàu sân bay USS Ronald Reagan", "sân Bernabeu") names that thing in its bare mentions too,
 * unless a title makes it a person somewhere in the article. Credits say nothing about this, nor
 * does a placed mention `person` says the archive vouches for (a person's name after all).
 */
function otherSense(
  candidates: readonly Candidate[],
  person?: (m: Candidate) => boolean,
  namedAfterHead?: (words: string[]) => boolean,
): (m: Candidate) => boolean {
  const placed = new Set<string>();
  const titled = new Set<string>();
  // Names a firm's or a group's word introduces here ("tập đoàn Exxon Mobil"): the titles firms take too
  // ("lãnh đạo Exxon Mobil", "Chủ tịch Vingroup": its leaders) do not make them people.
  const firms = new Set<string>();
  // Names a known person's (data/people.json) here: "đế chế Ronaldo" names no thing "Ronaldo de Lima" opens with.
  const known = new Set<string>();
  for (const c of candidates) {
    if (c.known) known.add(c.key);
    // "thấy ở Ozil", "trong đội Lệ Quyên" (a show's team named after its coach): one place word
    // before a name the archive vouches for as a person says nothing about its other mentions.
    if (c.placed && !c.credit && !c.inOrg && !c.titledAcross && !person?.(c)) {
      placed.add(c.key);
      if (!c.near && FIRM_BEFORE.has(lastTwo(c.before))) firms.add(c.key);
    }
  }
  for (const c of candidates) {
    if (!c.titled) continue;
    const key = c.key;
    if (!(firms.has(key) && FIRM_TITLES.has(lastTwo(c.before)))) titled.add(key);
  }
  if (!placed.size) return () => false;
  return (m) => {
    if (m.known) return false;
    const key = m.key;
    if (m.titled) return !titled.has(key);
    if (titled.has(key)) return false;
    if (placed.has(key)) return true;
    // "vai Phan Hải … Phan Hải Từng hóa thân": the thing's name with the next sentence's first word glued on.
    if (m.words.length >= 3 && m.vn) {
      const shorter = nameKey(m.words.slice(0, -1));
      if (placed.has(shorter) && !titled.has(shorter)) return true;
    }
    // A foreign full name whose surname names the place ("Santiago Bernabeu" beside "sân Bernabeu").
    const last = nameKey(m.words.slice(-1));
    if (m.words.length < 2 || m.vn) return false;
    if (placed.has(last) && !titled.has(last)) return true;
    // A foreign name whose first word names the place or the firm here ("khách sạn Cardrona" beside
    // "Cardrona Bra Fence", "xổ số Vietlott" beside "Vietlott Mega"), when the archive says that word
    // names a thing and no given name follows it (`namedAfterHead`): not "Katy Perry" beside "sang
    // Katy", nor "Everton James Rodriguez" (a club glued before a player). Its surname titled here
    // makes it a person ("bà Borden" beside "sang Lizzie").
    const first = nameKey(m.words.slice(0, 1));
    return placed.has(first) && !titled.has(first) && !known.has(first) && !titled.has(last) && Boolean(namedAfterHead?.(m.words));
  };
}

/** Words that name a firm or a group before its name ("tập đoàn Exxon Mobil", "quỹ Warburg Pincus", "nhóm Lashkar-e-Jhangvi"). */
const FIRM_BEFORE = new Set(["tập đoàn", "hãng", "công ty", "cty", "quỹ", "nhóm", "ngân hàng", "thương hiệu", "nhãn hiệu"]);

/** Titles a firm takes too, for its leaders: "lãnh đạo Exxon Mobil", "Chủ tịch Vingroup", "CEO Uber". */
const FIRM_TITLES = new Set(["lãnh đạo", "chủ tịch", "giám đốc", "tổng giám đốc", "ceo", "ông chủ", "nhà sáng lập", "đại diện"]);

/** A candidate's `before` (up to two words) as a phrase of one or two words: the two-word phrase if it is one of the sets', else its last word. */
function lastTwo(before: string): string {
  if (FIRM_BEFORE.has(before) || FIRM_TITLES.has(before)) return before;
  return before.slice(before.lastIndexOf(" ") + 1);
}

/**
 * The candidates `resolvePeople` needs, for callers that keep them while the archive is read:
 * every one not after a place word, and those after a place word that share a name (or a
 * foreign surname) with one that is not (see `otherSense`), or whose surname stands alone in one
 * that is not ("tỉnh Ulyanovsk Sergei Morozov … ông Morozov": see `fullFromPlaced`).
 */
export function candidatesToResolve(candidates: readonly Candidate[]): Candidate[] {
  const names = new Set<string>();
  for (const c of candidates) {
    if (c.placed) continue;
    names.add(c.key);
    if (c.words.length >= 2) names.add(nameKey(c.words.slice(-1)));
  }
  return candidates.filter(
    (c) =>
      !c.placed ||
      c.titledAcross ||
      c.afterFirm ||
      (!c.credit && ((!c.inOrg && names.has(c.key)) || (!c.vn && c.words.length >= 2 && names.has(nameKey(c.words.slice(-1)))))),
  );
}

/**
 * The candidates with each name right after a firm's or a club's word (`afterFirm`) read as a
 * mention where the archive titles the name elsewhere ("của Arsenal Hector Bellerin"), and left out
 * otherwise, as every name inside an organisation's run is ("công cụ Apple Smart Case").
 */
function firmsHeadsVouched(candidates: readonly Candidate[], helpers: PeopleHelpers): Candidate[] {
  const out: Candidate[] = [];
  for (const m of candidates) {
    if (!m.afterFirm) out.push(m);
    else if (vouchedFullName(m, helpers)) out.push({ ...m, placed: false, inOrg: false });
  }
  return out;
}

/** Decide which candidates are people and merge their mentions into one entry per person. */
export function resolvePeople(candidatesFound: readonly Candidate[], given: PeopleHelpers = {}): Entity[] {
  const all = candidatesFound.some((m) => m.afterFirm) ? firmsHeadsVouched(candidatesFound, given) : candidatesFound;
  const found = all.some((m) => m.cutGlued) ? withoutGluedLists(all) : all;
  const candidates = given.gluedPair ? splitGluedPairs(found, given.gluedPair) : found;
  const sports = sportsPiece(candidates) || (given.surnameSingle !== undefined && namesPlayers(candidates, given.surnameSingle));
  let football: boolean | undefined;
  const helpers = sports && given.sportsSingle && given.acceptSingle ? withSportsSingles(given) : given;
  const thing = otherSense(
    candidates,
    (m) => (m.words.length === 1 ? m.near === true && Boolean(helpers.acceptSingle?.({ ...m, titled: false }, false)) : vouchedFullName(m, helpers)),
    helpers.namedAfterHead,
  );
  const mentions = candidates.filter((m) => (!m.placed || m.titledAcross) && !thing(m));
  // Weak candidates (untitled foreign-looking names) need support: a person cue right after,
  // a word of the name used alone elsewhere, or a list shared with an accepted name.
  const singles = new Set(mentions.filter((m) => m.words.length === 1).map((m) => m.key));
  // "G. Ziuganov" here supports "Gennady Ziuganov" as a bare surname would (not itself).
  const initialled = new Set(mentions.filter((m) => m.words.length === 2 && opensWithInitial(m.words)).map((m) => nameKey(m.words.slice(1))));
  const accepted = new Set<Candidate>();
  const alone = aloneMentions(mentions);
  for (const m of mentions) {
    if (m.caps) {
      // A table of names in capitals: a person unless the archive says otherwise ("REAL MADRID").
      if (!helpers.doubt?.(m) && !helpers.reject?.(m)) accepted.add(m);
    } else if (m.titledAcross) {
      // The unit's head only where the archive can say the name is no unit's ("TP Hồ Chí Minh", "phường Bùi Thị Xuân").
      if (helpers.reject && !helpers.reject(m)) accepted.add(m);
    } else if (m.strong) {
      if (m.titled || m.known || !helpers.reject?.(m)) accepted.add(m);
    } else if (isWeakCandidate(m)) {
      const last = nameKey([m.words[m.words.length - 1]]);
      const reused = singles.has(last) || singles.has(nameKey([m.words[0]])) || (!opensWithInitial(m.words) && initialled.has(last));
      // "N.Djokovic": the surname after an initial, as the archive knows it alone ("tay vợt Djokovic").
      const surname = !reused && m.words.length === 2 && opensWithInitial(m.words) && helpers.acceptSingle?.(withWords(m, m.words.slice(1)), false);
      if ((m.cue || reused || surname) && !helpers.doubt?.(m)) accepted.add(m);
    } else if (m.cue && hasMiddleName(m.words) && !helpers.reject?.(m)) {
      // "Quang Văn Toàn (27 tuổi)": a rarer family name, but a person's middle name and a person's cue.
      accepted.add(m);
    } else if (sports && m.words.length === 2 && helpers.titledGiven?.(m) && (football ??= footballPiece(candidates))) {
      // "Xuân Trường", "Hồng Duy" in a match report: players are named by their given names there,
      // and the archive titles their full names ("tiền vệ Lương Xuân Trường"). Not elsewhere: in
      // other pieces such pairs are mostly firms, shops and places named like people.
      accepted.add(m);
    } else if (m.words.length === 1 && helpers.acceptSingle?.(m, alone.has(m))) {
      // "Varane", "Isco" bare: titles introduce them across the archive ("hậu vệ Varane").
      accepted.add(m);
    }
  }
  // Candidates are in text order, so list neighbours are adjacent.
  for (let changed = true; changed;) {
    changed = false;
    mentions.forEach((m, i) => {
      const weak = isWeakCandidate(m);
      if (accepted.has(m) || !(weak || (isGivenNamePair(m) && !helpers.mostlyPlace?.(m))) || (weak && helpers.doubt?.(m))) return;
      const prev = mentions[i - 1];
      const next = mentions[i + 1];
      const listed = (y: Candidate | undefined, gap: boolean | undefined) => Boolean(y && gap && y.words.length >= 2 && accepted.has(y));
      if (listed(prev, prev?.listNext) || listed(next, m.listNext)) {
        accepted.add(m);
        changed = true;
      }
    });
  }
  // A bare one-word mention stays out (too many clubs, groups and countries share the shape);
  // a titled one ("tiền đạo Lacazette") is kept when the archive vouches for it (acceptSingle).
  for (const m of mentions) {
    if (!accepted.has(m) && m.words.length >= 2 && helpers.accept?.(m, mentions)) accepted.add(m);
  }
  const listed = acceptLineUps(mentions, accepted, helpers);
  acceptStageTags(mentions, accepted);
  acceptInitialled(mentions, accepted);
  const people = mergeMentions([...accepted], helpers, listed, alone);
  const { judge, add } = helpers;
  const kept = fullFromPlaced(judge ? people.filter((p) => judge(nameWords(p.name), found)) : people, candidatesFound, helpers);
  if (add) {
    for (const words of openNames(people, found)) {
      if (!add(words, found)) continue;
      const name = writtenName(
        words,
        found.some((m) => m.glued && m.words === words),
      );
      const key = nameKey(words);
      kept.push({ id: addedId(helpers, key, name), name });
    }
  }
  return helpers.stageName ? stageNames(kept, found, helpers.stageName) : kept;
}

/** The id of a person no known entry names: the archive's canonical one, else a slug of the name (Vietnamese) or of its key. */
function addedId(helpers: PeopleHelpers, key: string, name: string): string {
  return helpers.canonicalId?.(key, name) ?? (VN_ONLY.test(name) ? personSlug(name) : personSlug(key));
}

/**
 * "Soobin Hoàng Sơn", "Yaya Trương Nhi": a person found under a Vietnamese full name that a
 * mention writes with a foreign word glued before it (`Candidate.stage`) is named with that word
 * where the archive vouches for the pair (`PeopleHelpers.stageName`). Only the name changes: who
 * is a person, and which mentions merge, was decided on the Vietnamese name.
 */
function stageNames(people: Entity[], mentions: readonly Candidate[], stageName: (m: Candidate) => boolean): Entity[] {
  if (!mentions.some((m) => m.stage)) return people;
  return people.map((p) => {
    const key = nameKey(p.name.split(" "));
    const m = mentions.find((c) => c.stage && c.key === key && stageName(c));
    if (!m) return p;
    const name = `${m.stage} ${p.name}`;
    // No helpers: `canonicalId` only resolves names written with an initial, which a stage name is not; its id is its slug.
    return { id: addedId({}, nameKey([m.stage!, ...m.words]), name), name };
  });
}

/**
 * "Thống đốc tỉnh Ulyanovsk Sergei Morozov … ông Morozov", "tài năng trẻ của Arsenal Hector Bellerin
 * … Bellerin", "nhắm Tim Miller … Miller": the person's full name stands once, after a place's or a
 * firm's name glued before it, or a thing's word a few words before, so the rules read that mention
 * as the place's or the firm's thing and leave the person under the surname alone. A one-word
 * foreign person, no well-known one, is named in full by the one such placed foreign name of the
 * article that ends with it (not a credit): its last two words, the given name and the surname (a
 * particle is a word of the surname's: "Rufus de Firefly"), unless a person found has that name.
 */
function fullFromPlaced(people: Entity[], candidates: readonly Candidate[], helpers: PeopleHelpers): Entity[] {
  if (!candidates.some((m) => m.placed && !m.vn && m.words.length >= 2)) return people;
  return people.flatMap((p) => {
    if (p.name.includes(" ") || !isForeignWord(p.name)) return [p];
    const key = nameKey([p.name]);
    if (knownByShort.has(key) || knownByKey.has(key)) return [p];
    const asLast = ` ${key}`;
    const fulls = new Set<string>();
    let full: string[] | undefined;
    for (const m of candidates) {
      if (!m.placed || m.credit || m.vn || m.words.length < 2 || !m.key.endsWith(asLast)) continue;
      fulls.add(m.key);
      full = m.words;
    }
    if (!full || fulls.size !== 1) return [p];
    const words = full.slice(-2);
    // Not a Vietnamese word ("Bố Wenger", "Xuân Flores"), nor a common English word or a short form ("Queen Elizabeth",
    // a ship; "Long Warriors", "St Petersburg"): a thing's name or a relative's word, no given name.
    const given = words[0];
    if (words.some(markedSyllable) || given.length < 3 || isEnglishWord(given)) return [p];
    const fullKey = nameKey(words);
    if (people.some((q) => q !== p && nameKey(nameWords(q.name)) === fullKey)) return [];
    const name = words.join(" ");
    return [{ id: helpers.canonicalId?.(fullKey, name) ?? personSlug(fullKey), name }];
  });
}

/** A common English word (`englishLevel` 1–20, as `surnameSingle` reads it): "Queen", "Long", "Saint". */
function isEnglishWord(w: string): boolean {
  const level = englishLevel(w.toLowerCase());
  return level > 0 && level <= 20;
}

/**
 * Without the names cut from a glued word (`cutGlued`) two of whose words the article names alone:
 * a list run together, not one person ("Ronaldo Messi Kết quả", "Hamilton Vettel Bottas Cuộc"),
 * which would otherwise take in the bare surnames.
 */
function withoutGluedLists(all: readonly Candidate[]): readonly Candidate[] {
  const singles = new Set<string>();
  for (const m of all) if (m.words.length === 1) singles.add(m.key);
  return all.filter((m) => !m.cutGlued || m.titled || m.known || m.words.filter((w) => singles.has(nameKey([w]))).length < 2);
}

/**
 * "7 S. Larsson" in a line-up, "Larsson" in the report: a surname the article takes for a person
 * vouches for its form with an initial in a line-up, the fuller one, which the bare mentions then
 * merge into (`mergeMentions`), whatever the tagger makes of the initial. Only in line-ups: in
 * prose the judge may drop the initialled form ("A.Tô-lê-đô") and the person with it.
 */
function acceptInitialled(mentions: readonly Candidate[], accepted: Set<Candidate>) {
  const surnames = new Set<string>();
  for (const m of accepted) if (m.words.length === 1) surnames.add(m.key);
  if (!surnames.size) return;
  for (const m of mentions) {
    if (m.lineUp && !accepted.has(m) && m.words.length === 2 && opensWithInitial(m.words) && surnames.has(nameKey(m.words.slice(1)))) accepted.add(m);
  }
}

/**
 * Whether the archive vouches for a placed full name as a person's (`otherSense`): titled far more
 * often than placed, and not a family name and a middle name ("dòng họ Lê Quang": a lineage, and
 * the cut form of its members' names).
 */
function vouchedFullName(m: Candidate, helpers: PeopleHelpers): boolean {
  if (m.words.length === 2 && VN_SURNAMES.has(lower(m.words[0]))) return false;
  return Boolean(helpers.titledElsewhere?.(m));
}

/** Distinct bare surnames that make a piece a sports piece without a role written in it (2 took brands too: "Titanium", "Turbo"). */
const PLAYERS_MIN = 3;

/**
 * Whether the article names PLAYERS_MIN people or more by a bare surname the archive mostly writes
 * as the end of full names (`surnameSingle`: "Varane", "Evra", "Turan"): a sports piece that writes
 * no role before a name ("pha phạm lỗi của Varane với Evra", a list of transfers). Titled and known
 * surnames are not counted: politics pieces name leaders so ("Tổng thống Duterte", "Trump").
 */
function namesPlayers(candidates: readonly Candidate[], surnameSingle: (m: Candidate) => boolean): boolean {
  // Each word asked once: sentence openers ("Tôi", "Thứ") recur in most pieces.
  const asked = new Set<string>();
  let players = 0;
  for (const m of candidates) {
    if (m.words.length !== 1 || m.placed || m.strong || m.titled) continue;
    const key = m.key;
    if (asked.has(key)) continue;
    asked.add(key);
    if (surnameSingle(m) && ++players >= PLAYERS_MIN) return true;
  }
  return false;
}

/** In a sports piece a one-word name is also a person when the archive knows it as a player's (`sportsSingle`). */
function withSportsSingles(helpers: PeopleHelpers): PeopleHelpers {
  const { acceptSingle, sportsSingle } = helpers;
  return { ...helpers, acceptSingle: (m, alone) => acceptSingle!(m, alone) || sportsSingle!(m) };
}

/** A one-word name worth asking the judge about: foreign, four letters or more, not in capitals ("Neymar", not "FIFA"). */
function openSingle(w: string): boolean {
  return w.length >= 4 && isForeignWord(w) && !isCapitals(w);
}

/**
 * The names the article's candidates write that no person found explains: full names and
 * foreign one-word names (`openSingle`), not after a place word, neither a person's name nor
 * part of one ("Gibbs" of Kieran Gibbs), and holding no person's name ("Trump Tuy" of Donald
 * Trump). In text order, once per name.
 */
export function openNames(people: readonly Entity[], mentions: readonly Candidate[]): string[][] {
  // Packed arrays in every tier (lib/corpus/packed.ts): each `map` of a mapped array deopted.
  const foundWords = mapPacked(people, (p) => nameWords(p.name));
  const foundKeys = mapPacked(foundWords, (words) => nameKey(words));
  const found = mapPacked(foundKeys, (key) => ` ${key} `);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const m of mentions) {
    if (m.placed || (m.words.length < 2 && !openSingle(m.words[0]))) continue;
    // "V.Putin" beside "Vladimir Putin": the initial stands for the given name found.
    if (opensWithInitial(m.words) && found.some((f) => f.endsWith(` ${nameKey(m.words.slice(1))} `))) continue;
    const key = m.key;
    if (seen.has(key)) continue;
    seen.add(key);
    const spaced = ` ${key} `;
    if (found.some((f) => f.includes(spaced) || spaced.includes(f))) continue;
    if (!slipOfFound(m, foundKeys, foundWords, mentions)) out.push(m.words);
  }
  return out;
}

/**
 * "Donad Trump" once beside "Donald Trump" five times: a foreign full name misspelt by a letter or
 * two per word (`sameVariant`, as long) is the person found, not another, where the article
 * writes the found spelling more often (its surname alone counted too) ("Yagel Herrera" found, "Yangel Herrera" once too: either
 * may be the slip, and both stay open to the judge).
 */
function slipOfFound(m: Candidate, foundKeys: readonly string[], foundWords: readonly string[][], mentions: readonly Candidate[]): boolean {
  if (m.words.length < 2 || m.vn) return false;
  const parts = keyParts(m.key);
  // Its mentions, its surname's alone among them ("McCain" for John McCain, not John McCai; a shared surname counts for both).
  const times = (key: string) => {
    const last = key.slice(key.lastIndexOf(" ") + 1);
    return mentions.reduce((n, x) => (x.key === key || x.key === last ? n + 1 : n), 0);
  };
  return foundKeys.some((f, i) => keyParts(f) === parts && sameVariant(f, m.key, foundWords[i], m.words) && times(f) > times(m.key));
}

/**
 * "… để có Gareth Bale Alvaro Morata được …": four foreign words that the archive knows as two
 * full names are two mentions. The title before the words goes to the first, what follows them
 * (a cue, a list) to the second.
 */
function splitGluedPairs(candidates: readonly Candidate[], gluedPair: (words: string[]) => boolean): readonly Candidate[] {
  const glued = (m: Candidate) => m.words.length === 4 && !m.known && !m.placed && !m.caps && m.words.every(isForeignWord) && gluedPair(m.words);
  if (!candidates.some(glued)) return candidates;
  return candidates.flatMap((m) => {
    if (!glued(m)) return [m];
    const head = m.words.slice(0, 2);
    const tail = m.words.slice(2);
    const first = withWords(m, head);
    const second = withWords(m, tail);
    const knownHead = knownByKey.get(first.key)?.name ?? null;
    const knownTail = knownByKey.get(second.key)?.name ?? null;
    return [
      {
        ...first,
        known: knownHead,
        strong: m.strong || Boolean(knownHead),
        end: m.start + head.join(" ").length,
        cue: false,
        listNext: false,
        sepNext: undefined,
        minuteNext: undefined,
        after: "",
      },
      { ...second, known: knownTail, titled: false, personTitled: false, strong: Boolean(knownTail), start: m.end - tail.join(" ").length, before: "" },
    ];
  });
}

/** The one-word mentions in no list of names: neither they nor the name before them is followed by a list separator. */
function aloneMentions(mentions: readonly Candidate[]): Set<Candidate> {
  const alone = new Set<Candidate>();
  mentions.forEach((m, i) => {
    if (m.words.length !== 1 || m.listNext || m.sepNext || m.minuteNext) return;
    const prev = mentions[i - 1];
    if (prev && prev.text === m.text && (prev.listNext || prev.sepNext || prev.minuteNext)) return;
    alone.add(m);
  });
  return alone;
}

/** A stage name's tag in capitals joined by hyphens ("M-TP" of Sơn Tùng M-TP). */
const STAGE_TAG = /^\p{Lu}+(?:-\p{Lu}+)+$/u;

/** Whether `full` is `short` with a stage tag after it ("Sơn Tùng M-TP" of "Sơn Tùng"). */
function withStageTag(full: readonly string[], short: readonly string[]): boolean {
  return full.length === short.length + 1 && STAGE_TAG.test(full[full.length - 1]) && short.every((w, i) => full[i] === w);
}

/**
 * "Sơn Tùng M-TP … Sơn Tùng": a singer accepted under a name the article also writes with a
 * stage tag is that stage name, its fullest form (mergeMentions folds the short form into it).
 */
function acceptStageTags(mentions: readonly Candidate[], accepted: Set<Candidate>) {
  const names = [...accepted].filter((m) => m.words.length >= 2 && m.vn);
  if (!names.length) return;
  for (const m of mentions) {
    if (!accepted.has(m) && STAGE_TAG.test(m.words[m.words.length - 1]) && names.some((n) => withStageTag(m.words, n.words))) accepted.add(m);
  }
}

/** A line-up or scorer list needs this many members, this many of them people already. */
const LINE_UP_MIN = 4;
const LINE_UP_SUPPORT = 3;

/**
 * Line-ups and scorer lists ("Ospina – Monreal, Mertesacker, Holding – Gibbs, Xhaka…",
 * "Fagan 76, Đình Bảo 77, Stevens 88"): a list of four names or more, at least three of them
 * and two in five people already, is a list of people, so its other one-word foreign names and
 * given names are people too, unless the archive writes them after place words more often than
 * as people (`listedSingle`). Returns the one-word names so accepted.
 */
function acceptLineUps(mentions: readonly Candidate[], accepted: Set<Candidate>, helpers: PeopleHelpers): Set<Candidate> {
  const listed = new Set<Candidate>();
  for (const m of mentions) {
    if (!m.lineUp || accepted.has(m) || !lineUpPlayer(m, helpers)) continue;
    accepted.add(m);
    // Listed one-word names are people without the archive's word for it (mergeMentions).
    if (m.words.length === 1) listed.add(m);
  }
  // Surnames of the article's accepted full names: "Gibbs" in a line-up after "Kieran Gibbs".
  const surnames = new Set<string>();
  for (const m of accepted) if (m.words.length >= 2 && !m.vn) surnames.add(nameKey(m.words.slice(-1)));
  for (let i = 0; i < mentions.length;) {
    let j = i;
    while (j + 1 < mentions.length && (mentions[j].listNext || mentions[j].sepNext) && mentions[j + 1].text === mentions[j].text) j++;
    const chain = mentions.slice(i, j + 1);
    i = j + 1;
    if (chain.length < LINE_UP_MIN) continue;
    const support = chain.filter((m) => accepted.has(m) || (m.words.length === 1 && surnames.has(m.key))).length;
    if (!chain[0].formation && (support < LINE_UP_SUPPORT || support * 5 < chain.length * 2)) continue;
    for (const m of chain) {
      if (accepted.has(m) || helpers.doubt?.(m)) continue;
      const single = m.words.length === 1 && m.words[0].length >= 3 && isForeignWord(m.words[0]) && helpers.listedSingle?.(m) !== false;
      if (single) listed.add(m);
      if (single || isWeakCandidate(m) || (isGivenNamePair(m) && !helpers.mostlyPlace?.(m))) accepted.add(m);
    }
  }
  // Scorer lists ("Nsi 18, Văn Thành 45+1, Việt Phong 56"): three names or more, each followed by
  // its minutes, are scorers whatever the article says of them elsewhere.
  for (let i = 0; i < mentions.length;) {
    let j = i;
    while (j + 1 < mentions.length && mentions[j].minuteNext && mentions[j + 1].text === mentions[j].text) j++;
    const chain = mentions.slice(i, j + 1);
    i = j + 1;
    if (chain.length < SCORERS_MIN) continue;
    for (const m of chain) {
      if (accepted.has(m) || helpers.doubt?.(m)) continue;
      const single = m.words.length === 1 && m.words[0].length >= 3 && isForeignWord(m.words[0]) && helpers.listedSingle?.(m) !== false;
      if (single) listed.add(m);
      // Minutes outweigh the archive's places: "Văn Đức 42" is a scorer even if "xã Văn Đức" is a commune.
      if (single || isWeakCandidate(m) || isGivenNamePair(m)) accepted.add(m);
    }
  }
  return listed;
}

/**
 * An item of a list under a line-up's header is a player, named as such lists name them (a
 * surname, a given name, initials): unless the archive writes the name after place words more
 * often than as a person (a club, a town), or the tagger is sure it is none.
 */
function lineUpPlayer(m: Candidate, helpers: PeopleHelpers): boolean {
  if (helpers.doubt?.(m)) return false;
  if (m.words.length === 1) {
    const w = m.words[0];
    // Not an acronym ("MU", "PSG"), nor a Vietnamese word (one syllable names no Vietnamese player).
    return w.length >= 3 && !isCapitals(w) && !VN_ONLY.test(w) && helpers.listedSingle?.(m) !== false;
  }
  if (m.words.length > 3 || m.words.some((w) => ENGLISH_FUNCTION_WORDS.has(lower(w)))) return false;
  return !helpers.reject?.(m) && !helpers.mostlyPlace?.(m);
}

/** Names in a row, each with its minutes, that make a scorer list. */
const SCORERS_MIN = 3;

interface Person {
  name: string;
  words: string[];
  count: number;
  known: KnownPerson | null;
  /** A well-known person's fullest form in this article that is part of their name ("Trump" of Donald Trump). */
  written?: string[];
  /** `written` has its initial glued to the surname ("C.Ronaldo"). */
  writtenGlued?: true;
  /** Spellings of the same length merged as slips ("Warren Buffet" / "Warren Buffett"), by key, with their mentions. */
  spelled?: Map<string, { words: string[]; count: number }>;
}

/** The words of a well-known person's name the mention writes, when it writes nothing else ("Ronaldo", "C.Ronaldo", not "CR7"). */
function writtenPart(m: Candidate, known: KnownPerson): string[] | undefined {
  const full = nameKey(known.name.split(" ")).split(" ");
  const given = full.slice(0, -1);
  return m.key.split(" ").every((w) => full.includes(w) || (w.length === 2 && w[1] === "." && given.some((g) => g[0] === w[0]))) ? m.words : undefined;
}

/**
 * The name a well-known person is shown under in one article: the fullest form the article
 * writes ("Trump" where it never writes "Donald Trump"); the id stays the person's, so the
 * archive keeps one entry per person.
 */
function shownName(p: Person): string {
  if (!p.known || !p.written) return p.name;
  const parts = (words: string[]) => keyParts(nameKey(words));
  // "C.Ronaldo" as written where the article gives no fuller form: an initial is no given name.
  return parts(p.written) < parts(p.known.name.split(" ")) || opensWithInitial(p.written) ? writtenName(p.written, p.writtenGlued) : p.name;
}

/** Whether `initialled` ("J.", "Mourinho") is `full` ("José Mourinho") with its given name cut to the initial. */
function initialFits(full: readonly string[], initialled: readonly string[]): boolean {
  const rest = initialled.length - 1;
  if (full.length <= rest || opensWithInitial(full)) return false;
  const given = full[full.length - rest - 1];
  return nameKey(full.slice(-rest)) === nameKey(initialled.slice(1)) && foldMarks(given[0]).toLowerCase() === foldMarks(initialled[0][0]).toLowerCase();
}

/**
 * The people (key, person), in the map's order, that `ok` accepts; with `first`, only the first.
 * What `[...people.entries()].filter(…)` gives, without an array of every entry per question
 * (asked per mention, it was a tenth of the resolve pass's garbage).
 */
function peopleWhere(people: Map<string, Person>, ok: (key: string, p: Person) => boolean, first = false): [string, Person][] {
  const out: [string, Person][] = [];
  people.forEach((p, k) => {
    if (!(first && out.length) && ok(k, p)) out.push([k, p]);
  });
  return out;
}

/** Full names first; shorter mentions resolve to the one full name they are part of. */
function mergeMentions(
  accepted: Candidate[],
  helpers: PeopleHelpers,
  listed: ReadonlySet<Candidate> = new Set(),
  alone: ReadonlySet<Candidate> = new Set(),
): Entity[] {
  const people = new Map<string, Person>();
  // By the parts of the key, not the words: "David de Gea" (particle glued) is longer than "De Gea".
  // Worked out once per mention, not once per comparison of the sort.
  const partsOf = new Map<Candidate, number>();
  for (const m of accepted) partsOf.set(m, keyParts(m.key));
  // A name with an initial after the full names as long ("José Mourinho" before "J.Mourinho"), so it can merge into one.
  const initial = (m: Candidate) => (opensWithInitial(m.words) ? 1 : 0);
  const ordered = accepted.sort((x, y) => partsOf.get(y)! - partsOf.get(x)! || initial(x) - initial(y) || x.text - y.text || x.start - y.start);
  for (const m of ordered) {
    const known = m.known ? (knownByName.get(m.known) ?? null) : null;
    const key = known ? nameKey(known.name.split(" ")) : m.key;
    const existing = people.get(key);
    if (existing) {
      existing.count++;
      const spelling = existing.spelled?.get(key);
      if (spelling) spelling.count++;
      const written = known && writtenPart(m, known);
      if (written && (!existing.written || keyParts(nameKey(written)) > keyParts(nameKey(existing.written)))) {
        existing.written = written;
        existing.writtenGlued = m.glued;
      }
      continue;
    }
    // The longer names this one ends, or as one word opens (keys are words joined by single spaces).
    const single = !key.includes(" ");
    const asLast = ` ${key}`;
    const asFirst = `${key} `;
    // One word opens a name in any of the spellings merged into it ("Harry" beside "Hary Kane" and "Harry Kane").
    let containing = peopleWhere(people, (k, p) => k.endsWith(asLast) || (single && (k.startsWith(asFirst) || spelledOpening(p, asFirst))));
    // "Sơn Tùng" after "Sơn Tùng M-TP": the stage name without its tag.
    if (!containing.length) containing = peopleWhere(people, (_, p) => withStageTag(p.words, m.words));
    // "Muller" after "Robert Mueller": a foreign surname misspelt (`surnameSlip`).
    if (!containing.length && single && !m.vn) {
      containing = peopleWhere(people, (k, p) => !isVietnameseName(p.words) && surnameSlip(k.slice(k.lastIndexOf(" ") + 1), key));
    }
    if (containing.length === 1) {
      containing[0][1].count++;
      if (single) countSurname(containing[0][1], key);
      continue;
    }
    if (containing.length > 1) continue;
    if (known) {
      people.set(key, { name: known.name, words: known.name.split(" "), count: 1, known, written: writtenPart(m, known), writtenGlued: m.glued });
    } else if (m.words.length >= 2) {
      // "J.Mourinho" beside "José Mourinho": the initial is the given name's.
      const full = opensWithInitial(m.words) && peopleWhere(people, (_, p) => !p.known && initialFits(p.words, m.words), true)[0];
      if (full) {
        full[1].count++;
        continue;
      }
      const variant = peopleWhere(people, (k, p) => !p.known && sameVariant(k, key, p.words, m.words), true)[0];
      if (variant) {
        variant[1].count++;
        if (m.words.length === variant[1].words.length) countSpelling(variant, key, m.words);
      } else people.set(key, { name: writtenName(m.words, m.glued), words: m.words, count: 1, known: null });
    } else if (listed.has(m) || (helpers.acceptSingle ? helpers.acceptSingle(m, alone.has(m)) : personTitledSingle(m))) {
      people.set(key, { name: m.words[0], words: m.words, count: 1, known: null });
    }
    // Otherwise a one-word name that matches nobody is not enough to name a person.
  }
  takeCommonestSpelling(people);
  foldGluedWords(people, helpers);
  dropGluedHeads(people, helpers);
  cutGluedOpenings(people, helpers);
  cutGluedSingles(people, ordered, helpers);
  foldKnownVariants(people);
  foldOpenings(people);
  foldFamilyVariants(people);
  foldShortForms(people, helpers);
  return [...people.entries()].map(([key, p]) => {
    const id = p.known ? slugify(p.known.name) : VN_ONLY.test(p.name) ? personSlug(p.name) : personSlug(key);
    return { id: helpers.canonicalId?.(key, p.name) ?? id, name: shownName(p) };
  });
}

/**
 * "McCain" five times beside "John McCai" twice and "John McCain" once: a one-word mention counts
 * for the full spellings merged into `p` that end with it (`Person.spelled`), so the spelling the
 * article writes most often, surname mentions included, names the person.
 */
function countSurname(p: Person, key: string) {
  if (!p.spelled) return;
  // Every spelling it ends: where several do ("Claudio Ubeda", "Cladio Ubeda") it tells none apart.
  const asLast = ` ${key}`;
  for (const [k, spelling] of p.spelled) if (k.endsWith(asLast)) spelling.count++;
}

/** Whether a spelling merged into `p` (`Person.spelled`) opens with `prefix` (a word and a space). */
function spelledOpening(p: Person, prefix: string): boolean {
  if (!p.spelled) return false;
  for (const k of p.spelled.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/** One more mention of `person` spelled `words` (keyed `key`), a slip of its name or the name itself. */
function countSpelling([ownKey, person]: [string, Person], key: string, words: string[]) {
  person.spelled ??= new Map([[ownKey, { words: person.words, count: person.count - 1 }]]);
  const spelling = person.spelled.get(key);
  if (spelling) spelling.count++;
  else person.spelled.set(key, { words, count: 1 });
}

/**
 * "Warren Buffet" in the headline, "Warren Buffett" five times in the text: of the spellings
 * merged as slips of one name, the one the article writes most often names the person (the
 * first written on a tie).
 */
function takeCommonestSpelling(people: Map<string, Person>) {
  for (const [key, p] of [...people]) {
    if (!p.spelled) continue;
    let best = key;
    for (const [k, s] of p.spelled) if (s.count > p.spelled.get(best)!.count) best = k;
    if (best === key || people.has(best)) continue;
    const { words } = p.spelled.get(best)!;
    people.delete(key);
    people.set(best, { ...p, name: words.join(" "), words });
  }
}

/** "Ngoại trưởng Tillerson", "Công chúa Mako": a foreign one-word name after a title only people take. */
export function personTitledSingle(m: Candidate): boolean {
  const w = m.words[0];
  return Boolean(m.personTitled) && m.words.length === 1 && w.length >= 3 && !m.vn && !/^\p{Lu}+$/u.test(w);
}

/**
 * "Loan Tối 15.6", "Vinh Sử Điều đó", "Bashar al-Assad Tuy nhiên": a missing full stop glues the
 * next sentence's first word to a name. The archive has such a name nowhere else (or far more
 * often without the word), and without its last word it is a person of this article: it is
 * that person.
 */
function foldGluedWords(people: Map<string, Person>, helpers: PeopleHelpers) {
  if (!helpers.rare) return;
  for (const [key, p] of people) {
    if (p.known || p.words.length < 2) continue;
    // Keyed anew, not cut from the key: "Quang Huy" keys as "quang hui", "Quang Huy Vậy" as "quang huy vay".
    const shorter = nameKey(p.words.slice(0, -1));
    // A Vietnamese word after a foreign name of two words or more ("Bashar al-Assad Tuy"): rare
    // next to the name without it. Otherwise rare at all ("Donald Trump Jr" is not rare next to Donald Trump).
    const gluedToForeign = p.words.length >= 3 && isVietnameseName(p.words.slice(-1)) && !isVietnameseName(p.words.slice(0, -1));
    if (!helpers.rare(key, gluedToForeign ? shorter : undefined)) continue;
    // Not into a one-word name: "Andy Le" is the full name of the "Andy" named alone.
    let into = peopleWhere(people, (k) => k !== key && k.includes(" ") && (k === shorter || k.endsWith(` ${shorter}`)));
    // "Khi Perez", "Mua Mbappe": a Vietnamese word glued before a foreign name.
    if (!into.length && isVietnameseName(p.words.slice(0, 1)) && !isVietnameseName(p.words.slice(1)) && !VN_SURNAMES.has(lower(p.words[0]))) {
      const rest = nameKey(p.words.slice(1));
      into = peopleWhere(people, (k) => k !== key && (k === rest || k.endsWith(` ${rest}`)));
    }
    if (into.length === 0 && gluedLastWord(p.words, gluedToForeign) && helpers.gluedAfter?.(p.words)) {
      // "Tiền đạo: …, Nguyễn Tiến Linh  Hai cầu thủ dự phòng: …": a list's last name glued to the next
      // line's first word, with no shorter mention here; the archive names the person without it.
      const words = p.words.slice(0, -1);
      people.delete(key);
      people.set(shorter, { ...p, name: words.join(" "), words });
      continue;
    }
    if (into.length !== 1) continue;
    into[0][1].count += p.count;
    people.delete(key);
  }
}

/**
 * A glued last word may be cut where what is left is a full name on its own: a Vietnamese name of
 * four words from a family name (a three-word name and the next word), or a foreign name before a
 * Vietnamese word. Not a woman's name with "Thị": her given name is often two words, and the
 * archive holds the first three words as often ("Nguyễn Thị Thu" of "Nguyễn Thị Thu Nga").
 */
function gluedLastWord(words: string[], gluedToForeign: boolean): boolean {
  return gluedToForeign || (words.length === 4 && VN_SURNAMES.has(lower(words[0])) && lower(words[1]) !== "thị" && isVietnameseName(words));
}

/**
 * "Casillas ở lại Porto Iker Casillas đồng ý …", "Chechen Abu Omar al-Shishani", "CEO Uber Travis
 * Kalanick": a headline's last word, a qualifier or the firm a person heads, glued before a foreign
 * full name. The name without its first word is
 * the person (`gluedBefore`), merged with that name if the article has it too.
 */
function dropGluedHeads(people: Map<string, Person>, helpers: PeopleHelpers) {
  if (!helpers.gluedBefore) return;
  for (const [key, p] of [...people]) {
    if (p.known || p.words.length < 3 || isVietnameseName(p.words.slice(-2))) continue;
    if (!helpers.gluedBefore(p.words)) continue;
    const words = p.words.slice(1);
    const restKey = nameKey(words);
    people.delete(key);
    const into = people.get(restKey);
    if (into) into.count += p.count;
    else people.set(restKey, { name: words.join(" "), words, count: p.count, known: null });
  }
}

/**
 * Short forms of a Vietnamese name the article also gives in full: its first words from the
 * family name on ("Nguyễn Minh" of the accused Nguyễn Minh Tâm) or, for two words, the given
 * name before the family name ("Hà Hồ" of Hồ Ngọc Hà, "Hà Tăng" of Tăng Thanh Hà). Folded into
 * the one full name they fit, the fullest form.
 */
function foldShortForms(people: Map<string, Person>, helpers: PeopleHelpers) {
  for (const [key, p] of people) {
    if (p.known || !isVietnameseName(p.words) || !people.has(key)) continue;
    const parts = key.split(" ");
    const family = VN_SURNAMES.has(lower(p.words[0]));
    const reversed = parts.length === 2 && VN_SURNAMES.has(lower(p.words[1]));
    const into = peopleWhere(people, (k, q) => {
      if (keyParts(k) <= parts.length || !isVietnameseName(q.words)) return false;
      const kw = k.split(" ");
      return (family && parts.every((w, i) => kw[i] === w)) || (reversed && kw[0] === parts[1] && kw[kw.length - 1] === parts[0]);
    });
    if (into.length !== 1) continue;
    const [longKey, long] = into[0];
    // Unless the longer form is the slip: "Tiền đạo Công Phượng Tại Vòng loại" (a glued sentence), rare beside "Công Phượng".
    if (helpers.rare?.(longKey, key) && helpers.rare(longKey)) {
      p.count += long.count;
      people.delete(longKey);
    } else {
      long.count += p.count;
      people.delete(key);
    }
  }
}

/**
 * "Công chúa Nhật Bản Mako Sự việc …", "Công chúa Noriko Vào năm 2014": a missing full stop glues the
 * next sentence's first word to a one-word name, and the name's bare mentions merge into the glued
 * form. A foreign word and a marked Vietnamese word that the corpus writes in lower case nearly
 * always (`mostlyLower`: "sự", "vào") is the one-word name where the article also names it alone.
 * Not a Vietnamese given name after a foreign one ("Kelvin Khánh", "Andy Lê"): those words are
 * written capitalised as often as not.
 */
function cutGluedSingles(people: Map<string, Person>, mentions: readonly Candidate[], helpers: PeopleHelpers) {
  if (!helpers.mostlyLower) return;
  for (const [key, p] of [...people]) {
    if (p.known || p.words.length !== 2) continue;
    const [name, word] = p.words;
    if (!isForeignWord(name) || !markedSyllable(word) || !helpers.mostlyLower(word)) continue;
    const single = nameKey([name]);
    if (!mentions.some((m) => m.key === single)) continue;
    people.delete(key);
    // Then merged as a one-word mention is ("Putin Việc" beside "Vladimir Putin").
    const into = peopleWhere(people, (k) => k === single || k.endsWith(` ${single}`) || k.startsWith(`${single} `));
    if (into.length === 1) into[0][1].count += p.count;
    else if (!into.length) people.set(single, { name, words: [name], count: p.count, known: null });
  }
}

/**
 * "Vua Decebalus", "Cha Neymar" (a headline's "Neymar's father"), "Vợ Việt Anh": a one-word title
 * written with a capital before a name, as a headline or a capitalised phrase writes it, where the
 * corpus writes the word in lower case most of the time (`oftenLower`: "vua", "cha", "vợ"; not a
 * family name, "Hoàng"). The title is no part of the name: the rest is the person, merged as its
 * mentions would be, a well-known person's by their entry. A one-word rest must be foreign ("Bố
 * Trạch", a district); a rest of two words or more without a mark follows a marked word only ("Cha
 * Tae Hyun": "Cha" is a Korean family name too).
 */
function cutGluedOpenings(people: Map<string, Person>, helpers: PeopleHelpers) {
  const { oftenLower } = helpers;
  if (!oftenLower) return;
  for (const [key, p] of [...people]) {
    if (p.known || p.words.length < 2) continue;
    const head = lower(p.words[0]);
    if (!TITLE_SET.has(head) || VN_SURNAMES.has(head) || !oftenLower(head)) continue;
    const words = p.words.slice(1);
    if (words.length === 1 ? !isForeignWord(words[0]) : !markedSyllable(p.words[0]) && !words.some(markedSyllable)) continue;
    const rest = nameKey(words);
    people.delete(key);
    const known = knownByKey.get(rest) ?? (words.length === 1 ? knownByShort.get(rest) : undefined);
    const restKey = known ? nameKey(known.name.split(" ")) : rest;
    const into = peopleWhere(people, (k) => k === restKey || k.endsWith(` ${rest}`) || (words.length === 1 && k.startsWith(`${rest} `)));
    if (into.length === 1) into[0][1].count += p.count;
    // Several entries hold the rest: the person is among them already, so the glued form goes alone.
    else if (into.length) continue;
    else if (known) people.set(restKey, { name: known.name, words: known.name.split(" "), count: p.count, known, written: words });
    else people.set(rest, { name: words.join(" "), words, count: p.count, known: null });
  }
}

/**
 * "Donad Trump" beside "Donald Trump", "Marouane Fellini" beside the well-known "Fellaini": an
 * unknown foreign name that is a slip of exactly one well-known person's name in the article (the
 * same words a letter or two apart, or without a middle part: `sameVariant`) is that person. The
 * main pass compares unknown names only, and a well-known person's key is the full name whatever
 * the article writes, so the slip and the person stayed two entries. A slip as long as the name
 * says the article writes the name in full: it is shown so.
 */
function foldKnownVariants(people: Map<string, Person>) {
  for (const [key, p] of [...people]) {
    if (p.known || p.words.length < 2 || isVietnameseName(p.words)) continue;
    const into = peopleWhere(people, (k, q) => q.known !== null && sameVariant(k, key, q.words, p.words));
    if (into.length !== 1) continue;
    const [knownKey, known] = into[0];
    known.count += p.count;
    // Shown as the article writes it in full ("Emanuel Macron" beside "Macron"), where it never
    // writes the person's full name right; the id stays the person's.
    const parts = keyParts(knownKey);
    if (keyParts(key) === parts && (!known.written || keyParts(nameKey(known.written)) < parts)) {
      known.written = p.words;
      known.name = p.name;
      known.writtenGlued = undefined;
    }
    people.delete(key);
  }
}

/** "Jr", "Sr", "II": a generation after a name names another person of the family ("Donald Trump Jr"). */
const GENERATION = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * Whether `long` is `short` carried one step further: one more word (not a Vietnamese word, a
 * place or a generation: "Laura Ling Hai", "Donald Trump Jr"), or the last word carried on after
 * a hyphen by what no Vietnamese sentence writes there ("Moon Jae-in", "Dominic Calvert-Lewin";
 * not "Oxlade-Chamberlain-học", "Trump-Nga").
 */
function carriesOn(short: readonly string[], long: readonly string[]): boolean {
  const last = short[short.length - 1];
  if (long.length === short.length + 1) {
    const w = long[long.length - 1];
    return !isVietnameseSyllable(w) && !GENERATION.test(w) && !allPlaces([w]);
  }
  if (long.length !== short.length || !long[long.length - 1].startsWith(`${last}-`)) return false;
  const tail = long[long.length - 1].slice(last.length + 1);
  return !NON_ASCII.test(tail) && !(isVietnameseSyllable(tail) && tail[0] !== tail[0].toLowerCase()) && !allPlaces([tail]);
}

/**
 * "Moon Jae" beside "Moon Jae-in", "Tổng thống [Recep Tayyip] Erdogan", "Saif al-Islam" beside
 * "Saif al-Islam Gaddafi": a foreign name of two words or more that opens exactly one longer name
 * of the article, carried one step further (`carriesOn`), is that name cut short by a bracket, a
 * hyphen or a line's end. Two more words are mostly another name glued on ("Tom Cruise Thandie
 * Newton"), and are left alone. A well-known person so completed is shown by the full name.
 */
function foldOpenings(people: Map<string, Person>) {
  for (const [key, p] of [...people]) {
    if (p.known || p.words.length < 2 || !people.has(key) || isVietnameseName(p.words)) continue;
    const opening = `${key} `;
    const into = peopleWhere(people, (k, q) => k.startsWith(opening) && carriesOn(p.words, q.words));
    if (into.length !== 1) continue;
    const long = into[0][1];
    long.count += p.count;
    if (long.known) {
      long.written = long.words;
      long.writtenGlued = undefined;
    }
    people.delete(key);
  }
}

/**
 * "Vương Phán Phán" once in a caption beside "Dương Phán Phán" throughout the text: a Vietnamese
 * full name said once, whose middle and given names are those of exactly one other full name
 * said several times, is that person under a slipped family name.
 */
function foldFamilyVariants(people: Map<string, Person>) {
  for (const [key, p] of people) {
    if (p.known || p.count !== 1 || p.words.length < 3 || !isVietnameseName(p.words)) continue;
    const rest = key.split(" ").slice(1).join(" ");
    const into = peopleWhere(
      people,
      (k, q) => k !== key && q.count >= 2 && q.words.length === p.words.length && isVietnameseName(q.words) && k.split(" ").slice(1).join(" ") === rest,
    );
    if (into.length !== 1) continue;
    into[0][1].count++;
    people.delete(key);
  }
}

/**
 * Whether `key` (a later, shorter or equal mention) is a variant of the person keyed `full`:
 * the same name without a middle part ("George Bush" / "George H.W. Bush"), or a foreign name
 * misspelt by a letter or two per word ("Keo Komuro" / "Kei Komoru").
 */
export function sameVariant(full: string, key: string, fullWords: string[], words: string[]): boolean {
  // The parts counted first: most pairs asked differ in length, or are as long and Vietnamese, and are no variant, split for nothing.
  const nf = keyParts(full);
  const nk = keyParts(key);
  if (!(nk < nf && nk >= 2) && (nk !== nf || isVietnameseName(fullWords) || isVietnameseName(words))) return false;
  const f = full.split(" ");
  const k = key.split(" ");
  if (k.length < f.length && k.length >= 2 && f[0] === k[0] && f[f.length - 1] === k[k.length - 1]) {
    let j = 0;
    for (const w of f) if (w === k[j]) j++;
    return j === k.length;
  }
  // As long and not Vietnamese (asked above): a misspelling?
  if (k.length !== f.length) return false;
  let total = 0;
  for (let i = 0; i < f.length; i++) {
    if (f[i][0] !== k[i][0]) return false;
    const d = editDistance(f[i], k[i]);
    if (d > 2 || d * 3 > Math.max(f[i].length, k[i].length)) return false;
    total += d;
  }
  return total > 0 && total <= 3;
}

/**
 * Whether one-word `key` is `surname` misspelt, the first letter kept: by one letter ("mccai" /
 * "mccain", "younes" / "youness"), or by two where both words have eight letters or more
 * ("michetll" / "mitchell"). Two letters apart, shorter words are mostly two people of one
 * article ("Mata" / "Morata", "Akihito" / "Akishino", "Rivaldo" / "Ronaldo").
 */
function surnameSlip(surname: string, key: string): boolean {
  if (surname === key || surname[0] !== key[0] || Math.abs(surname.length - key.length) > 2) return false;
  const d = editDistance(surname, key);
  return d === 1 || (d === 2 && Math.min(surname.length, key.length) >= SLIP_LONG);
}

/** How long two words are, at least, for two letters between them to be a slip (`surnameSlip`). */
const SLIP_LONG = 8;

/** Edit distance of two short words (Levenshtein, with a swap of neighbours as one edit). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let prevPrev = prev;
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      // Two letters swapped ("Jea" / "Jae") is one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1);
    }
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}
