import { describe, expect, it } from "vitest";
import { findCandidates, nameKey, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";

const names = (evidence: PeopleEvidence, ...texts: string[]) => resolvePeople(findCandidates(texts), evidence.helpers()).map((p) => p.name);
const key = (name: string) => nameKey(name.split(" "));

describe("PeopleEvidence", () => {
  it("counts each name once per article and kind", () => {
    const e = new PeopleEvidence();
    e.add(findCandidates(["Tiền vệ Xuân Trường ghi bàn. Tiền vệ Xuân Trường lại ghi bàn.", "Trên đường Huỳnh Tấn Phát."]));
    expect(e.stats(key("Xuân Trường"))).toEqual({ titled: 1, placed: 0, bare: 0, surname: 0, credit: 0 });
    expect(e.stats(key("Huỳnh Tấn Phát"))).toEqual({ titled: 0, placed: 1, bare: 0, surname: 0, credit: 0 });
    expect(e.articles).toBe(1);
  });

  it("accepts a name bare in one article when titles introduce it in others", () => {
    const e = new PeopleEvidence();
    const bare = "Xuân Trường và Tuấn Anh vắng mặt.";
    expect(names(e, bare)).toEqual([]);
    e.add(findCandidates(["Tiền vệ Xuân Trường chuyền bóng."]));
    e.add(findCandidates(["HLV gọi tiền vệ Xuân Trường lên tuyển."]));
    expect(names(e, bare)).toEqual(["Xuân Trường"]);
  });

  it("lends a titled foreign name's surname to one-word mentions", () => {
    const e = new PeopleEvidence();
    const text = "Cú đúp của tiền đạo Lacazette ở phút 90.";
    expect(names(e, text)).toEqual([]);
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền đạo Alexandre Lacazette ghi bàn thứ ${i}.`]));
    expect(names(e, text)).toEqual(["Lacazette"]);
    // Vietnamese people are not named by one syllable: no evidence spills over.
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Ông Nguyễn Văn Thắng phát biểu lần ${i}.`]));
    expect(e.titledSingle(["Thắng"])).toBe(false);
  });

  it("gives a name with an initial the id of the one full name that fits it across the archive", () => {
    const e = new PeopleEvidence();
    const ids = (text: string) => resolvePeople(findCandidates([text]), e.helpers()).map((p) => p.id);
    const text = "HLV J.Rufusson nói.";
    expect(ids(text)).toEqual(["j-rufusson"]);
    for (let i = 0; i < 2; i++) e.add(findCandidates([`HLV Jorge Rufusson cười lần ${i}.`]));
    expect(ids(text)).toEqual(["jorge-rufusson"]);
    // A full name whose given name opens with another letter does not fit.
    expect(ids("HLV P.Rufusson nói.")).toEqual(["p-rufusson"]);
    // Two full names that fit about as often: neither is taken.
    for (let i = 0; i < 2; i++) e.add(findCandidates([`HLV Juan Rufusson nói lần ${i}.`]));
    expect(ids(text)).toEqual(["j-rufusson"]);
  });

  it("rejects a name the archive mostly uses for a street, unless a title introduces it here", () => {
    const e = new PeopleEvidence();
    // No street word or house number here ("ở số 5 Huỳnh Tấn Phát" is a street by the rules alone).
    const address = "Cửa hàng ở góc Huỳnh Tấn Phát bị cháy.";
    expect(names(e, address)).toEqual(["Huỳnh Tấn Phát"]);
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Kẹt xe trên đường Huỳnh Tấn Phát lúc ${i} giờ.`]));
    expect(names(e, address)).toEqual([]);
    expect(names(e, "Ông Huỳnh Tấn Phát là luật sư.")).toEqual(["Huỳnh Tấn Phát"]);
  });

  it("remove undoes add, so live updates keep the counts right", () => {
    const e = new PeopleEvidence();
    const a = findCandidates(["Tiền vệ Xuân Trường chuyền bóng."]);
    const b = findCandidates(["HLV Hữu Thắng và tiền vệ Xuân Trường."]);
    e.add(a);
    e.add(b);
    expect(e.stats(key("Xuân Trường"))?.titled).toBe(2);
    e.remove(a);
    expect(e.stats(key("Xuân Trường"))?.titled).toBe(1);
    e.remove(b);
    expect(e.stats(key("Xuân Trường"))).toBeUndefined();
    expect(e.size).toBe(0);
    expect(e.articles).toBe(0);
  });
  it("keeps a second evidence in step, merges and subtracts it, and round-trips through plain data", () => {
    const total = new PeopleEvidence();
    const file = new PeopleEvidence();
    const a = findCandidates(["Tiền vệ Xuân Trường chuyền bóng.", "Trên đường Huỳnh Tấn Phát."]);
    total.add(a, file);
    total.add(findCandidates(["HLV Hữu Thắng và tiền vệ Xuân Trường."]));
    expect(file.stats(key("Xuân Trường"))).toEqual({ titled: 1, placed: 0, bare: 0, surname: 0, credit: 0 });
    const copy = PeopleEvidence.fromData(file.toData());
    expect(copy.stats(key("Huỳnh Tấn Phát"))).toEqual({ titled: 0, placed: 1, bare: 0, surname: 0, credit: 0 });
    expect(copy.articles).toBe(1);
    total.merge(copy, -1);
    expect(total.stats(key("Xuân Trường"))?.titled).toBe(1);
    expect(total.stats(key("Huỳnh Tấn Phát"))).toBeUndefined();
    expect(total.articles).toBe(1);
    total.merge(copy);
    expect(total.stats(key("Xuân Trường"))?.titled).toBe(2);
  });
  it("merges and subtracts evidence as saved as it does the decoded evidence", () => {
    const file = new PeopleEvidence();
    file.add(findCandidates(["Tiền vệ Xuân Trường chuyền bóng.", "Trên đường Huỳnh Tấn Phát."]));
    const byMaps = new PeopleEvidence();
    const byData = new PeopleEvidence();
    for (const e of [byMaps, byData]) e.add(findCandidates(["HLV Hữu Thắng và tiền vệ Xuân Trường."]));
    byMaps.merge(file);
    byData.mergeData(file.toData());
    expect(byData.toData()).toEqual(byMaps.toData());
    expect(byData.stats(key("Xuân Trường"))?.titled).toBe(2);
    byMaps.merge(file, -1);
    byData.mergeData(file.toData(), -1);
    expect(byData.toData()).toEqual(byMaps.toData());
    expect(byData.stats(key("Huỳnh Tấn Phát"))).toBeUndefined();
    expect(byData.articles).toBe(1);
  });
});

describe("PeopleEvidence on one-word and glued names", () => {
  it("takes a bare one-word name the archive uses as a surname, not a club the archive names bare", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Antoine Griezmann ghi bàn thứ ${i} cho Atletico.`]));
    e.add(findCandidates(["Tiền đạo Antoine Griezmann nghỉ thi đấu."]));
    for (let i = 0; i < 12; i++) e.add(findCandidates([`Barca thắng trận thứ ${i}.${i < 3 ? " Cầu thủ Barca vui mừng." : ""}`]));
    expect(names(e, "Griezmann và Barca đều được nhắc tới.")).toEqual(["Griezmann"]);
  });

  it("drops a word a missing full stop glued to a name the article already has", () => {
    const e = new PeopleEvidence();
    const text = ["Hội đồng xin lỗi bà Hồ Thị Hồng Loan. Hội đồng đã xin lỗi bà Loan Tối 15.6, tại hội nghị."];
    e.add(findCandidates(text));
    expect(names(e, ...text)).toEqual(["Hồ Thị Hồng Loan"]);
  });
});

describe("PeopleEvidence on glued words (issue #16, second frozen set)", () => {
  it("needs more full names behind a one-word name no title ever introduces", () => {
    const e = new PeopleEvidence();
    // In a list of names (alone, a name needs titles too: see the next describe).
    const text = "Hôm qua Chrysler và Barca tăng giá.";
    for (let i = 0; i < 4; i++) e.add(findCandidates([`Vinamilk Chrysler bán ${i} nghìn hộp sữa.`]));
    expect(names(e, text)).toEqual([]);
    e.add(findCandidates(["Vinamilk Chrysler bán thêm sữa."]));
    expect(names(e, text)).toEqual(["Chrysler"]);
  });

  it("drops a glued word before a foreign name the article already has", () => {
    const e = new PeopleEvidence();
    const text = ["Chủ tịch Florentino Perez phát biểu.", "Cầu thủ Real Madrid Khi Perez tiếp tục chi tiền thì họ vui."];
    e.add(findCandidates(text));
    expect(names(e, ...text)).toEqual(["Florentino Perez"]);
  });

  it("counts a name quoted on its own as bare, not placed: headlines quote people too", () => {
    const e = new PeopleEvidence();
    e.add(findCandidates(["Bộ phim về 'Rufus Firefly' gây sốt."]));
    expect(e.stats(key("Rufus Firefly"))).toEqual({ titled: 0, placed: 0, bare: 1, surname: 0, credit: 0 });
  });

  it("keeps out of a line-up a one-word name the archive writes mostly after place words", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền vệ Xhaka, tiền đạo Ozil và tiền đạo Welbeck ghi bàn lần ${i}.`]));
    const lineUp = "Đội hình: Ospina – Monreal, Porto, Xhaka, Ozil, Welbeck.";
    expect(names(e, lineUp)).toEqual(expect.arrayContaining(["Ospina", "Monreal", "Porto"]));
    for (let i = 0; i < 2; i++) e.add(findCandidates([`Họ đến thành phố Porto lần ${i}.`]));
    expect(names(e, lineUp)).not.toContain("Porto");
    expect(names(e, lineUp)).toContain("Monreal");
  });
});

describe("PeopleEvidence on glued words (session of 2026-11-26 16:52)", () => {
  it("drops a glued word whose name without it has a final y, keyed as i", () => {
    const e = new PeopleEvidence();
    const text = ["BLV Quang Huy nhận định trận đấu.", "Trong trận đấu giao hữu BLV Quang Huy Vậy cầu thủ U22 e ngại điều gì?"];
    e.add(findCandidates(text));
    expect(names(e, ...text)).toEqual(["Quang Huy"]);
  });

  it("drops a Vietnamese word glued to a foreign name the archive has far more often without it", () => {
    const e = new PeopleEvidence();
    const glued = ["Tổng thống Syria Bashar al-Assad phát biểu.", "Tổng thống Syria Bashar al-Assad Tuy nhiên, ông không nói thêm."];
    for (let i = 0; i < 2; i++) e.add(findCandidates(glued));
    expect(names(e, ...glued)).toEqual(["Bashar al-Assad Tuy", "Bashar al-Assad"]);
    for (let i = 0; i < 20; i++) e.add(findCandidates([`Tổng thống Syria Bashar al-Assad tiếp khách lần ${i}.`]));
    expect(names(e, ...glued)).toEqual(["Bashar al-Assad"]);
  });

  it("counts a name a few words after a thing's head as bare: such heads also stand before people", () => {
    const e = new PeopleEvidence();
    e.add(findCandidates(["Ông mua chiếc xe cũ Rufus Firefly."]));
    expect(e.stats(key("Rufus Firefly"))).toEqual({ titled: 0, placed: 0, bare: 1, surname: 0, credit: 0 });
  });

  it("keeps a full name beside its given name alone", () => {
    const e = new PeopleEvidence();
    const text = ["Ông xã Andy Le nói. Ông xã Andy cười."];
    e.add(findCandidates(text));
    expect(names(e, ...text)).toEqual(["Andy Le"]);
  });
});

describe("PeopleEvidence on one-word names (session of 2026-11-26 19:26)", () => {
  it("takes a one-word name named alone only when titles introduce it across the archive, not as the end of full names alone", () => {
    const e = new PeopleEvidence();
    // English words end full names as surnames do ("Snow White"), and are rarely titled.
    for (let i = 0; i < 5; i++) e.add(findCandidates([`Truyện cổ tích kể về Snow White lần ${i}.`]));
    const alone = "Họ chọn White cho bộ sưu tập.";
    expect(names(e, alone)).toEqual([]);
    // In a list of names the full names behind it still vouch for it.
    expect(names(e, "Họ chọn White và Rooney.")).toContain("White");
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền đạo Marcus White ghi bàn lần ${i}.`]));
    expect(names(e, alone)).toEqual(["White"]);
  });
});

describe("PeopleEvidence on words glued before a name (session of 2026-11-26 19:26)", () => {
  it("drops a word glued before a full name the archive has far more often without it", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Thủ môn Iker Casillas bắt chính lần ${i}.`, `Họ đến Porto lần ${i}.`]));
    const text = ["Casillas ở lại Porto Iker Casillas đồng ý gia hạn thêm 1 năm."];
    e.add(findCandidates(text));
    expect(names(e, ...text)).toEqual(["Iker Casillas"]);
  });

  it("keeps a given name the archive uses to open full names more than alone", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Hậu vệ Da Silva bắt chính lần ${i}.`, `Fabio cười lần ${i}.`]));
    for (const surname of ["Capello", "Cannavaro", "Quagliarella", "Borini"]) e.add(findCandidates([`HLV Fabio ${surname} nói.`]));
    const text = ["Hậu vệ Fabio Da Silva ghi bàn."];
    e.add(findCandidates(text));
    expect(names(e, ...text)).toEqual(["Fabio Da Silva"]);
  });
});

describe("PeopleEvidence on bylines with their filing time (session of 2026-11-26 19:26)", () => {
  it("counts a filed byline bare: players share sports writers' names", () => {
    const e = new PeopleEvidence();
    e.add(findCandidates(["Trận đấu kết thúc.", "Minh Tuấn - Thể thao Việt Nam | 21:00 12/07/2017"]));
    expect(e.stats(key("Minh Tuấn"))).toEqual({ titled: 0, placed: 0, bare: 1, surname: 0, credit: 0 });
  });
});

describe("PeopleEvidence on two full names glued by a lost full stop (session of 2026-11-27 01:21)", () => {
  const archive = (e: PeopleEvidence, n: number) => {
    for (let i = 0; i < n; i++) {
      e.add(findCandidates([`Tiền vệ Gareth Bale ghi bàn lần ${i}.`]));
      e.add(findCandidates([`Tiền đạo Alvaro Morata ghi bàn lần ${i}.`]));
    }
  };
  const glued = "MU sẽ bạo chi để có Gareth Bale Alvaro Morata được Real Madrid định giá cao.";
  it("splits four foreign words the archive knows as two full names", () => {
    const e = new PeopleEvidence();
    archive(e, 3);
    expect(names(e, glued)).toEqual(["Gareth Bale", "Alvaro Morata"]);
  });
  it("keeps the four words when the archive has them together about as often", () => {
    const e = new PeopleEvidence();
    archive(e, 3);
    for (let i = 0; i < 2; i++) e.add(findCandidates([`Ông Gareth Bale Alvaro Morata phát biểu lần ${i}.`]));
    expect(names(e, glued)).toEqual(["Gareth Bale Alvaro Morata"]);
  });
});

describe("PeopleEvidence on a firm before a person's name (issue #16, frozen15's errors)", () => {
  const firm = (e: PeopleEvidence) => {
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Họ gọi xe của hãng Uber lần ${i}. Uber xin lỗi.`]));
  };

  it("drops a firm's word glued before a given name", () => {
    const e = new PeopleEvidence();
    firm(e);
    e.add(findCandidates(["Ông Travis Kalanick và Travis Scott đến."]));
    const text = "CEO Uber Travis Kalanick rời hội đồng. Kalanick buồn.";
    e.add(findCandidates([text]));
    expect(names(e, text)).toEqual(["Travis Kalanick"]);
  });

  it("keeps a first word titled more often than placed, a Vietnamese syllable, or one before no given name", () => {
    const e = new PeopleEvidence();
    firm(e);
    for (let i = 0; i < 4; i++) e.add(findCandidates([`Bà Melania cười lần ${i}. Ông Travis Kalanick vui. Cô Song hát ở phố Song.`]));
    e.add(findCandidates(["Hãng Melania ra mắt."]));
    expect(names(e, "Bà Melania Travis Trump phát biểu.")).toEqual(["Melania Travis Trump"]);
    expect(names(e, "Ông Song Travis Ki phát biểu.")).toEqual(["Song Travis Ki"]);
    // "Knauss" opens no name more often than it stands alone.
    expect(names(e, "Ông Uber Knauss Trump phát biểu.")).toEqual(["Uber Knauss Trump"]);
  });
});

describe("PeopleEvidence on players named alone in sports pieces (issue #16, frozen19's misses)", () => {
  // Titled in `times` articles and bare in four times as many (players are mostly named bare).
  const titled = (e: PeopleEvidence, name: string, times: number) => {
    for (let i = 0; i < times; i++) e.add(findCandidates([`Tiền vệ ${name} chuyền bóng lần ${i}.`]));
    for (let i = 0; i < 4 * times; i++) e.add(findCandidates([`Khán giả chờ ${name} lần ${i}.`]));
  };
  const report = "HLV Wenzel bực bội. Neyzar lạc nhịp suốt trận.";
  const news = "Bộ trưởng Wenzel bực bội. Neyzar lạc nhịp suốt phiên họp.";

  it("accepts a one-word name the archive titles often where the article is a sports piece", () => {
    const e = new PeopleEvidence();
    titled(e, "Neyzar", 2);
    expect(names(e, report)).toEqual([]);
    titled(e, "Neyzar", 1);
    expect(e.sportsSingle(["Neyzar"])).toBe(true);
    expect(names(e, report)).toContain("Neyzar");
    // Outside a sports piece the same archive is not enough for a name alone.
    expect(names(e, news)).not.toContain("Neyzar");
  });

  it("refuses a club the archive titles but places as often", () => {
    const e = new PeopleEvidence();
    titled(e, "Ajaxo", 4);
    for (let i = 0; i < 2; i++) e.add(findCandidates([`Trận đấu trên sân Ajaxo lần ${i}.`]));
    expect(e.sportsSingle(["Ajaxo"])).toBe(false);
    expect(names(e, "HLV Wenzel bực bội. Ajaxo thua trận.")).not.toContain("Ajaxo");
  });

  it("keeps a player's other mentions when a weak place word stands before one of them", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền vệ Mesut Ozzil ghi bàn lần ${i}. Ozzil cười.`]));
    const text = "Sau Sanchel là Ozzil. Ozzil lạc nhịp. Sự tự tin không còn thấy ở Ozzil nữa.";
    expect(names(e, text)).toContain("Ozzil");
  });
});

describe("PeopleEvidence on surnames in sports pieces (issue #16)", () => {
  it("takes a word that mostly ends full names for a player's surname, unless it is a common English word", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Diego Schwarzmann và Mike Football thắng lần ${i}.`]));
    expect(e.sportsSingle(["Schwarzmann"])).toBe(true);
    expect(e.sportsSingle(["Football"])).toBe(false);
    const report = "Djokovic thắng sau khi kết hợp cùng HLV Wenzel. Schwarzmann thua. Football thua.";
    expect(names(e, report)).toContain("Schwarzmann");
    expect(names(e, report)).not.toContain("Football");
  });
});

describe("PeopleEvidence on sports pieces that write no role (issue #16, frozen24's misses)", () => {
  // Three surnames the archive writes only as the end of full names, and a mononym it titles but mostly writes bare.
  const archive = () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Raphael Varanox, Patrice Evrax và Arda Turanx thắng lần ${i}.`]));
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền đạo Neyzar ghi bàn lần ${i}.`]));
    for (let i = 0; i < 12; i++) e.add(findCandidates([`Khán giả chờ Neyzar lần ${i}.`]));
    return e;
  };

  it("reads a piece naming three bare surnames of the archive as a sports piece", () => {
    const e = archive();
    expect(e.surnameSingle(["Varanox"])).toBe(true);
    expect(e.surnameSingle(["Neyzar"])).toBe(false);
    const found = names(e, "Pha phạm lỗi của Varanox với Evrax. Turanx bị đuổi. Neyzar lạc nhịp.");
    expect(found).toEqual(expect.arrayContaining(["Varanox", "Evrax", "Turanx", "Neyzar"]));
  });

  it("needs three of them, and counts no titled one (politics pieces name leaders by surname)", () => {
    const e = archive();
    expect(names(e, "Pha phạm lỗi của Varanox với Evrax. Neyzar lạc nhịp.")).toEqual([]);
    expect(names(e, "Tổng thống Varanox nói. Evrax và Turanx cười. Neyzar lạc nhịp.")).not.toContain("Neyzar");
  });
});

describe("PeopleEvidence on a team named after its coach (issue #16)", () => {
  it("keeps a titled-elsewhere name's bare mentions when one mention stands after a team's word", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Ca sĩ Lệ Quyền hát lần ${i}.`]));
    const text = "Lệ Quyền ngồi ghế nóng. Thí sinh trong đội Lệ Quyền hát hay.";
    expect(names(e, text)).toEqual(["Lệ Quyền"]);
    // A name the archive places as often as it titles stays a thing here.
    for (let i = 0; i < 6; i++) e.add(findCandidates([`Trận đấu trên sân Lệ Quyền lần ${i}.`]));
    expect(names(e, text)).toEqual([]);
  });
});

describe("PeopleEvidence on a lineage's name (issue #16)", () => {
  it("keeps a family and a middle name after a lineage's word a thing, however often the archive titles it", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Ông Lê Quảng nói lần ${i}.`]));
    const text = "Ông Lê Quảng Huệ kể về dòng họ Lê Quảng. Lê Quảng có nhiều người đỗ đạt.";
    expect(names(e, text)).toEqual(["Lê Quảng Huệ"]);
  });
});

describe("PeopleEvidence on a word glued after a name (issue #16, frozen22's errors)", () => {
  it("cuts a four-word Vietnamese name to the three-word name the archive has without a last word written in lower case", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền đạo Lê Minh Khoát ghi bàn lần ${i}.`, `Tiền đạo Lê Minh Huy ghi bàn lần ${i}.`]));
    // A squad list's last name, glued to the next heading ("Lịch thi đấu", the schedule).
    const text = ["Hai cầu thủ dự phòng: Phan Thanh Hậu và Lê Minh Khoát Lịch thi đấu U20 World Cup 2017"];
    // A given name at the end stays: "Lê Minh Huy Long" is a four-word name.
    const named = ["Hai cầu thủ dự phòng: Phan Thanh Hậu và Lê Minh Huy Long ra sân."];
    e.add(findCandidates(text));
    e.add(findCandidates(named));
    const scorer = Object.assign(() => false, { mostlyLower: (w: string) => ["lịch", "hai"].includes(w.toLowerCase()) });
    const found = (t: string[]) => resolvePeople(findCandidates(t), e.helpers(scorer)).map((p) => p.name);
    expect(found(text)).toEqual(["Phan Thanh Hậu", "Lê Minh Khoát"]);
    expect(found(named).sort()).toEqual(["Lê Minh Huy Long", "Phan Thanh Hậu"]);
    // Without the corpus's lower-case shares (no tagger) nothing is cut.
    expect(names(e, ...text)).toContain("Lê Minh Khoát Lịch");
  });

  it("keeps a woman's four-word name with Thị whose first three words the archive also has", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Bà Đặng Thị Thu phát biểu lần ${i}.`]));
    const text = ["Bà Đặng Thị Thu Nga cho biết sẽ kiến nghị."];
    e.add(findCandidates(text));
    const scorer = Object.assign(() => false, { mostlyLower: () => true });
    expect(resolvePeople(findCandidates(text), e.helpers(scorer)).map((p) => p.name)).toEqual(["Đặng Thị Thu Nga"]);
  });
});

describe("PeopleEvidence on players named by a given name (issue #16)", () => {
  it("takes a Vietnamese given name for a player in a football piece when the archive titles full names ending with it", () => {
    const e = new PeopleEvidence();
    const report = "Tiền vệ Quang Hải vắng mặt. Đông Hiếu đá chính.";
    expect(names(e, report)).toEqual(["Quang Hải"]);
    for (let i = 0; i < 4; i++) e.add(findCandidates([`Tiền vệ Trần Đông Hiếu ghi bàn ở trận ${i}.`]));
    // Four articles are too few; the fifth settles it.
    expect(names(e, report)).toEqual(["Quang Hải"]);
    e.add(findCandidates(["Hậu vệ Lê Đông Hiếu bị thẻ vàng."]));
    expect(e.titledGivenName(["Đông", "Hiếu"])).toBe(true);
    expect(names(e, report)).toEqual(["Quang Hải", "Đông Hiếu"]);
    // Outside a football piece such a pair is as often a shop or a firm.
    expect(names(e, "Đông Hiếu khai trương cửa hàng mới.")).toEqual([]);
  });

  it("leaves a given name out when place words precede it more often than titles its full names", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 5; i++) e.add(findCandidates([`Tiền vệ Trần Đông Hiếu ghi bàn ở trận ${i}.`]));
    for (let i = 0; i < 6; i++) e.add(findCandidates([`Lũ lớn ở huyện Đông Hiếu lần ${i}.`]));
    expect(e.titledGivenName(["Đông", "Hiếu"])).toBe(false);
    expect(names(e, "Tiền vệ Quang Hải vắng mặt. Đông Hiếu đá chính.")).toEqual(["Quang Hải"]);
  });
});

describe("PeopleEvidence on names opening with a place's or a brand's name (issue #16, frozen23's errors)", () => {
  // Firms speak like people ("Vietjet Air cho biết"): the cue alone would make it a person.
  const article = "Khách sạn Cardrona mở cửa. Cardrona Bra Fence cho biết hàng rào có từ năm 1999.";

  it("drops a foreign name whose first word names the place here, when the archive writes that word alone", () => {
    const e = new PeopleEvidence();
    expect(names(e, article)).toEqual(["Cardrona Bra Fence"]);
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Du khách tới Cardrona lần ${i}.`]));
    expect(names(e, article)).toEqual([]);
  });

  it("keeps it when the first word opens full names more than it stands alone: a given name", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Du khách tới Cardrona lần ${i}.`]));
    for (let i = 0; i < 2; i++) e.add(findCandidates([`Ca sĩ Cardrona Smith hát bài ${i}.`, `Ca sĩ Cardrona Jones hát bài ${i}.`]));
    expect(names(e, article)).toEqual(["Cardrona Bra Fence"]);
  });

  it("keeps it when a given name follows the first word (a club glued before a player) or a title introduces its surname here", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Du khách tới Cardrona lần ${i}.`]));
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Tiền vệ Bra Ozawa ghi bàn ${i}.`]));
    expect(names(e, article)).toEqual(["Cardrona Bra Fence"]);
    const other = new PeopleEvidence();
    for (let i = 0; i < 3; i++) other.add(findCandidates([`Du khách tới Cardrona lần ${i}.`]));
    expect(names(other, `${article} Bà Fence nói.`)).toEqual(["Cardrona Bra Fence"]);
  });
});

describe("PeopleEvidence on a known person's name opening another name (issue #16)", () => {
  it("keeps a name whose first word is a known person's, whatever place word stands before that word", () => {
    const e = new PeopleEvidence();
    const article = "Đế chế Ronaldo sụp đổ. Ronaldo Nazario cho biết anh buồn.";
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Fan hâm mộ Ronaldo lần ${i}.`]));
    expect(names(e, article)).toContain("Ronaldo Nazario");
  });
});

describe("PeopleEvidence on credits, counted apart (issue #16, people32)", () => {
  it("counts a credit as its own kind, and a name placed and credited in one article once, as placed", () => {
    const e = new PeopleEvidence();
    e.add(findCandidates(["Cầu thủ ăn mừng.", "Trận đấu kết thúc. Ảnh: Đinh Tuấn"]));
    expect(e.stats(key("Đinh Tuấn"))).toEqual({ titled: 0, placed: 0, bare: 0, surname: 0, credit: 1 });
    e.add(findCandidates(["Kẹt xe trên đường Đinh Tuấn.", "Trận đấu kết thúc. Ảnh: Đinh Tuấn"]));
    expect(e.stats(key("Đinh Tuấn"))).toEqual({ titled: 0, placed: 1, bare: 0, surname: 0, credit: 1 });
    const copy = PeopleEvidence.fromData(e.toData());
    expect(copy.stats(key("Đinh Tuấn"))).toEqual({ titled: 0, placed: 1, bare: 0, surname: 0, credit: 1 });
  });

  it("keeps a full name the archive knows as a byline out where it stands untitled, as places do", () => {
    const e = new PeopleEvidence();
    const text = "Hoàng Hảo vừa đến.";
    expect(names(e, text)).toEqual(["Hoàng Hảo"]);
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Trận đấu thứ ${i}.`, `Cầu thủ ăn mừng. Ảnh: Hoàng Hảo`]));
    expect(names(e, text)).toEqual([]);
    expect(names(e, "Ông Hoàng Hảo vừa đến.")).toEqual(["Hoàng Hảo"]);
  });

  it("reads no place in a one-word name's credits: a caption names a player before the photo credit", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Diego Mandzuka ghi bàn lần ${i}.`]));
    for (let i = 0; i < 2; i++) e.add(findCandidates([`Trận đấu thứ ${i}.`, `Cầu thủ ăn mừng. Ảnh: Mandzuka`]));
    expect(e.singleStats(key("Mandzuka"))).toMatchObject({ placed: 0, credit: 2, surname: 3 });
    expect(e.surnameSingle(["Mandzuka"])).toBe(true);
  });

  it("lets one article with a place word before a one-word name pass, not two", () => {
    const e = new PeopleEvidence();
    for (let i = 0; i < 3; i++) e.add(findCandidates([`Radamel Falcaro ghi bàn lần ${i}.`]));
    e.add(findCandidates(["Trận đấu trên sân Falcaro."]));
    expect(e.surnameSingle(["Falcaro"])).toBe(true);
    expect(names(e, "HLV Wenzel bực bội. Falcaro ghi bàn.")).toContain("Falcaro");
    e.add(findCandidates(["Trận đấu khác trên sân Falcaro."]));
    expect(e.surnameSingle(["Falcaro"])).toBe(false);
    expect(names(e, "HLV Wenzel bực bội. Falcaro ghi bàn.")).not.toContain("Falcaro");
  });
});

describe("PeopleEvidence on stage names: a foreign word glued before a Vietnamese full name (issue #16, people35)", () => {
  const twice = (e: PeopleEvidence, text: (i: number) => string) => {
    for (let i = 0; i < 2; i++) e.add(findCandidates([text(i)]));
  };

  it("names the singer with the stage word where the archive writes the two together in two articles", () => {
    const e = new PeopleEvidence();
    const text = "Đêm nhạc có sự góp mặt của Zubin Hoàng Lâm cùng nhiều ca sĩ. Hoàng Lâm cho biết anh rất vui.";
    e.add(findCandidates([`Ca sĩ Zubin Hoàng Lâm ra mắt MV mới.`]));
    expect(names(e, text)).toEqual(["Hoàng Lâm"]);
    e.add(findCandidates([`Zubin Hoàng Lâm vừa tổ chức họp báo.`]));
    expect(e.stats(key("Zubin Hoàng Lâm"))).toMatchObject({ titled: 1, bare: 1 });
    expect(names(e, text)).toEqual(["Zubin Hoàng Lâm"]);
    expect(PeopleEvidence.fromData(e.toData()).stats(key("Zubin Hoàng Lâm"))).toEqual(e.stats(key("Zubin Hoàng Lâm")));
    // Without the archive the rules read the Vietnamese name alone, as before.
    expect(resolvePeople(findCandidates([text])).map((p) => p.name)).toEqual(["Hoàng Lâm"]);
  });

  it("leaves out a common English word, a joined title and a firm's word the archive places", () => {
    const e = new PeopleEvidence();
    twice(e, (i) => `Võ sư Karate Đoàn Bảo Quý dạy võ lần ${i}.`);
    expect(names(e, "Võ sư Karate Đoàn Bảo Quý mở lớp mới.")).toEqual(["Đoàn Bảo Quý"]);
    twice(e, (i) => `PGS-TS Nguyễn Thiện Tâm phát biểu lần ${i}.`);
    expect(names(e, "PGS-TS Nguyễn Thiện Tâm cho biết bệnh nhân đã ổn.")).toEqual(["Nguyễn Thiện Tâm"]);
    twice(e, (i) => `Tổng giám đốc Vintex Vũ Đình Khải nói lần ${i}.`);
    const firm = "Tổng giám đốc Vintex Vũ Đình Khải cho biết doanh thu tăng.";
    expect(names(e, firm)).toEqual(["Vintex Vũ Đình Khải"]);
    twice(e, (i) => `Công ty Vintex báo lãi quý ${i}.`);
    expect(names(e, firm)).toEqual(["Vũ Đình Khải"]);
    // Only one foreign word opening the run: two are a qualifier and a name, or a stage name of two words.
    twice(e, (i) => `Bollywood Rocky Hoàng Lâm hát lần ${i}.`);
    expect(names(e, "Bollywood Rocky Hoàng Lâm hát tiếp.")).toEqual(["Hoàng Lâm"]);
  });
});
