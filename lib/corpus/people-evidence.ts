// Evidence about names from the whole archive, not one article: a name a title introduces
// anywhere ("HLV Allegri", "tiền vệ Xuân Trường") is a person everywhere, also where it
// stands bare or by surname only; a name mostly seen after place or organisation words
// ("đường Huỳnh Tấn Phát", "Trường Lê Quý Đôn") is not a person where no title says so.
// Counts are per article (a name counts once per article and kind), kept up to date with
// `add`/`remove`, so live updates can maintain them without a rebuild.
import { englishLevel } from "@/lib/corpus/english-words";
import { type Candidate, isVietnameseName, nameKey, type PeopleHelpers, personTitledSingle } from "@/lib/corpus/people";
import { personSlug } from "@/lib/corpus/text";

/**
 * In how many articles a name was introduced by a title, stood after a place word, or stood
 * bare; for one-word names also in how many it ended a foreign full name ("Griezmann" of
 * "Antoine Griezmann"), which clubs and countries rarely do.
 */
export interface NameStats {
  titled: number;
  placed: number;
  bare: number;
  surname: number;
  /**
   * In how many articles the name was a byline or a photo credit (`Candidate.credit`, not `filed`):
   * kept apart from `placed`, since a credit says the name is a writer's, not a place's.
   */
  credit: number;
}

/** The counts kept per name, in saved order. */
export const KINDS = ["titled", "placed", "bare", "surname", "credit"] as const;

/** Thresholds; the defaults were set on the tuning sets (data/eval/people-labels*.json). */
export interface EvidenceOptions {
  /** Articles with a title before the full name needed to accept it bare. */
  minTitled: number;
  /** Articles with a title before a one-word (foreign) name needed to accept it alone. */
  minTitledSingle: number;
  /** Articles with a place word before a name needed to reject it where it stands untitled. */
  minPlaced: number;
}

/** A name with an initial takes the id of a full name that fits, used in this many articles and this many times as often as the next. */
const INITIAL_MIN = 2;
const INITIAL_LEAD = 3;

/** A name with a glued word is that of the shorter name when the archive has the shorter one this many times as often. */
const RARER = 10;

/**
 * A Vietnamese given name of two words is a player's in a sports piece when titles introduce full
 * names ending with it in this many articles (summed over the names).
 */
const GIVEN_TITLED_MIN = 5;

/** A thing's name (a place, a brand) stands alone this many times as often as full names open with it, at least. */
const HEAD_ALONE = 2;

/** A name's words glued before another name: the other name (and those words alone) stand in this many articles, and this many times as often. */
const GLUED_MIN = 3;

/** A stage name's foreign word and Vietnamese name written together in this many articles, at least (`stageName`). */
const STAGE_MIN = 2;

export const DEFAULT_EVIDENCE: EvidenceOptions = { minTitled: 2, minTitledSingle: 3, minPlaced: 3 };

/**
 * Decides a candidate the rules and the archive leave open (the learned tagger); `doubt`, when
 * present, says the candidate is surely not a person even where the article seems to support it.
 */
export type CandidateScorer = ((m: Candidate, evidence: PeopleEvidence, all: readonly Candidate[]) => boolean) & {
  doubt?: (m: Candidate, evidence: PeopleEvidence) => boolean;
  /** The judge of the people found (`PeopleHelpers.judge`), with the archive's counts. */
  judge?: (words: readonly string[], mentions: readonly Candidate[], evidence: PeopleEvidence) => boolean;
  /** The judge's second model (`PeopleHelpers.add`). */
  add?: (words: readonly string[], mentions: readonly Candidate[], evidence: PeopleEvidence) => boolean;
  /** Whether the corpus writes a word in lower case nearly always ("hai", "lịch", "tôi"): a sentence's word, not a given name. */
  mostlyLower?: (word: string) => boolean;
};

type Kind = keyof NameStats;

/** Evidence as plain data: `counts` holds the four counts (KINDS order) of each key of `names`, then of `singles`. */
export interface EvidenceData {
  articles: number;
  names: string[];
  singles: string[];
  counts: ArrayLike<number>;
}

export class PeopleEvidence {
  private readonly names = new Map<string, NameStats>();
  private readonly singles = new Map<string, NameStats>();
  /** Full names by their words after the first (`fullForInitial`), worked out on first use after the counts change. */
  private bySurname: Map<string, string[]> | undefined;
  /** Titles of full names by their last two words (`titledGivenName`), worked out on first use after the counts change. */
  private byGivenName: Map<string, number> | undefined;
  articles = 0;

  constructor(readonly options: EvidenceOptions = DEFAULT_EVIDENCE) {}

  /**
   * Count one article's candidates (from `findCandidates`), here and in `also` (the live
   * index keeps one evidence per corpus file as well, so a removed file can be uncounted).
   */
  add(candidates: readonly Candidate[], also?: PeopleEvidence) {
    this.count(articleEvidence(candidates), 1, also);
  }

  /** Uncount an article's candidates, e.g. when a live update replaces or deletes it. */
  remove(candidates: readonly Candidate[]) {
    this.count(articleEvidence(candidates), -1);
  }

  /**
   * Count (sign 1) or uncount (sign -1) one article's evidence worked out beforehand
   * (`articleEvidence`, e.g. on the build's analysis thread), here and in `also`.
   */
  count(article: ArticleEvidence, sign: 1 | -1 = 1, also?: PeopleEvidence) {
    this.bySurname = undefined;
    this.byGivenName = undefined;
    this.articles += sign;
    apply(this.names, article.names, article.nameKinds, sign);
    apply(this.singles, article.singles, article.singleKinds, sign);
    if (also) {
      also.bySurname = undefined;
      also.byGivenName = undefined;
      also.articles += sign;
      apply(also.names, article.names, article.nameKinds, sign);
      apply(also.singles, article.singles, article.singleKinds, sign);
    }
  }

  /** Add (sign 1) or take away (sign -1) all of another evidence's counts, e.g. one corpus file's. */
  merge(other: PeopleEvidence, sign: 1 | -1 = 1) {
    this.bySurname = undefined;
    this.byGivenName = undefined;
    this.articles += sign * other.articles;
    for (const [target, source] of [
      [this.names, other.names],
      [this.singles, other.singles],
    ] as const) {
      for (const [key, s] of source) {
        const t = target.get(key) ?? empty();
        for (const k of KINDS) t[k] += sign * s[k];
        if (isEmpty(t)) target.delete(key);
        else target.set(key, t);
      }
    }
  }

  /** The counts as plain data, for saving with the index: keys, and three counts per key. */
  toData(): EvidenceData {
    const counts: number[] = [];
    const keys = (map: Map<string, NameStats>) =>
      [...map].map(([key, s]) => {
        for (const k of KINDS) counts.push(s[k]);
        return key;
      });
    const names = keys(this.names);
    const singles = keys(this.singles);
    return { articles: this.articles, names, singles, counts };
  }

  /** The inverse of `toData`. */
  static fromData(data: EvidenceData, options?: EvidenceOptions): PeopleEvidence {
    const e = new PeopleEvidence(options);
    e.mergeData(data);
    return e;
  }

  /**
   * `merge` of evidence as saved (`toData`), without decoding it into maps first: the live
   * index keeps each corpus file's evidence in this form until the file changes. `from`/`to`
   * merge only keys `from` to `to` (names, then singles), in steps that add up to the whole;
   * the step that starts at 0 counts the articles.
   */
  mergeData(data: EvidenceData, sign: 1 | -1 = 1, from = 0, to = Infinity) {
    this.bySurname = undefined;
    this.byGivenName = undefined;
    if (from === 0) this.articles += sign * data.articles;
    const names = data.names.length;
    const end = Math.min(to, names + data.singles.length);
    for (let i = from; i < end; i++) {
      const map = i < names ? this.names : this.singles;
      const key = i < names ? data.names[i] : data.singles[i - names];
      const t = map.get(key) ?? empty();
      let c = i * KINDS.length;
      for (const k of KINDS) t[k] += sign * data.counts[c++];
      if (isEmpty(t)) map.delete(key);
      else map.set(key, t);
    }
  }

  /** Statistics of a full name (two words or more), by `nameKey`. */
  stats(key: string): NameStats | undefined {
    return this.names.get(key);
  }

  /** Statistics of a one-word name: alone, or as the last word of a foreign full name. */
  singleStats(key: string): NameStats | undefined {
    return this.singles.get(key);
  }

  /** How many distinct names have statistics (for reports). */
  get size(): number {
    return this.names.size + this.singles.size;
  }

  /** Whether the archive says this name is a person (titled often, rarely after place words). */
  titledName(key: string): boolean {
    const s = this.names.get(key);
    return Boolean(s && s.titled >= this.options.minTitled && s.titled >= 2 * placedAll(s));
  }

  /** Whether the archive says this name mostly names a place or an organisation. */
  placeName(key: string): boolean {
    const s = this.names.get(key);
    return Boolean(s && placedAll(s) >= this.options.minPlaced && placedAll(s) > 2 * s.titled);
  }

  /** Whether a one-word foreign name is introduced by a title often enough to stand alone. */
  titledSingle(words: string[]): boolean {
    const s = this.singleOk(words);
    return Boolean(s && s.titled >= this.options.minTitledSingle && s.titled >= 2 * s.placed);
  }

  /**
   * Whether a one-word foreign name is a person even without a title here: the archive uses it
   * mostly as the surname of full names ("Griezmann", "Mandzukic"), or mostly after a title
   * ("Thái tử Salman", "Công chúa Mako"). Clubs and countries stand bare far more often.
   */
  bareSingle(words: string[], alone = false): boolean {
    const s = this.singleOk(words);
    if (!s || outweighedByPlaces(s)) return false;
    // Named alone, in no list of names, a word needs titles behind it too: English words end
    // full names as often as surnames do ("Snow White", "Red Cross"), but are rarely titled.
    if (alone && s.titled < this.options.minTitledSingle) return false;
    // Never introduced by a title anywhere, a word needs more full names behind it ("Coutinho"
    // ends many; brands and products end a few: "Fiat Chrysler", "Vinamilk Organic").
    return (s.surname >= (s.titled > 0 ? 3 : 5) && 3 * s.surname >= s.bare) || (s.titled >= this.options.minTitledSingle && s.titled >= s.bare);
  }

  /**
   * Whether a one-word foreign name is a player's, said alone in a sports piece: it mostly ends
   * full names ("Diego Schwartzman", "Andre Agassi"), or titles introduce it across the archive
   * ("tiền vệ Casemiro") and place words rarely do (clubs are titled too, "cầu thủ Ajax", but
   * stand after "sân", "CLB", "đội bóng" far more often). Mononyms ("Neymar", "Isco") end no
   * full name, so `bareSingle`'s surname count misses them.
   */
  sportsSingle(words: string[]): boolean {
    const s = this.singleOk(words);
    if (!s) return false;
    if (this.surnameSingle(words)) return true;
    return s.titled >= this.options.minTitledSingle && s.titled >= 3 * s.placed;
  }

  /**
   * Whether a one-word foreign name is mostly a surname: it ends full names in three articles or
   * more, at least a third as often as it stands bare ("Diego Schwartzman"), and is rarely placed.
   * `bareSingle` asks more of it outside sports pieces. Not a common English word: those end a few
   * titles and brands too ("The Dirty Business of Football").
   */
  surnameSingle(words: string[]): boolean {
    const s = this.singleOk(words);
    if (!s || s.surname < 3 || 3 * s.surname < s.bare || outweighedByPlaces(s)) return false;
    const level = englishLevel(nameKey(words));
    return !(level > 0 && level <= 20);
  }

  /** Whether titles introduce a one-word name at least a third as often as it stands bare or after place words ("Ngoại trưởng Quatar" is a slip). */
  notMostlyBare(words: string[]): boolean {
    const s = this.singleOk(words);
    return Boolean(s && 3 * s.titled >= s.bare + s.placed);
  }

  private singleOk(words: string[]): NameStats | undefined {
    if (words.length !== 1 || words[0].length < 3 || isVietnameseName(words) || /^\p{Lu}+$/u.test(words[0])) return undefined;
    return this.singles.get(nameKey(words));
  }

  /** Whether a one-word name stands after place or organisation words more often than as a person ("Porto", "Alaves"). */
  placeSingle(words: string[]): boolean {
    const s = this.singles.get(nameKey(words));
    return Boolean(s && s.placed >= 2 && s.placed > s.titled + s.surname);
  }

  /** Whether the archive names places far more often than people with this name ("Biên Hòa"). */
  mostlyPlace(key: string): boolean {
    const s = this.names.get(key);
    return Boolean(s && placedAll(s) >= this.options.minPlaced && placedAll(s) > 4 * s.titled);
  }

  /** In how many articles a name (by key; one word or more) stands at all. */
  private uses(key: string): number {
    const s = key.includes(" ") ? this.names.get(key) : this.singles.get(key);
    return s ? s.titled + placedAll(s) + s.bare : 0;
  }

  /**
   * The full name the archive writes for a name with an initial ("n. djokovic" → "novak
   * djokovic"): its given name opens with the initial and the rest is the same. The fullest
   * evidence only: used in INITIAL_MIN articles or more, not mostly after place words, and
   * INITIAL_LEAD times as often as any other name that fits ("j. smith" fits too many); else undefined.
   */
  fullForInitial(key: string): string | undefined {
    if (key.length < 4 || key.charCodeAt(1) !== 46 || key.charCodeAt(2) !== 32) return undefined;
    this.bySurname ??= this.indexBySurname();
    let best: string | undefined;
    let bestUses = 0;
    let next = 0;
    for (const full of this.bySurname.get(key.slice(3)) ?? []) {
      if (full.charCodeAt(0) !== key.charCodeAt(0)) continue;
      const s = this.names.get(full)!;
      const uses = s.titled + s.bare;
      if (uses > bestUses) {
        next = bestUses;
        bestUses = uses;
        best = full;
      } else next = Math.max(next, uses);
    }
    return best && bestUses >= INITIAL_MIN && bestUses >= INITIAL_LEAD * next && !this.mostlyPlace(best) ? best : undefined;
  }

  /**
   * Whether the archive titles full names ending with a two-word Vietnamese given name ("tiền vệ
   * Lương Xuân Trường" for "Xuân Trường"), in GIVEN_TITLED_MIN articles or more, and at least as
   * often as place words precede the given name itself ("huyện Xuân Trường", a district). The
   * archive's own counts of the given name say little: a player named by it is rarely titled.
   */
  titledGivenName(words: string[]): boolean {
    if (words.length !== 2 || !isVietnameseName(words)) return false;
    this.byGivenName ??= this.indexByGivenName();
    const key = nameKey(words);
    const titled = this.byGivenName.get(key) ?? 0;
    return titled >= GIVEN_TITLED_MIN && titled >= placedAll(this.names.get(key));
  }

  private indexByGivenName(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, s] of this.names) {
      if (s.titled <= 0) continue;
      const words = key.split(" ");
      if (words.length < 3 || words.length > 4) continue;
      const given = `${words[words.length - 2]} ${words[words.length - 1]}`;
      out.set(given, (out.get(given) ?? 0) + s.titled);
    }
    return out;
  }

  private indexBySurname(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const key of this.names.keys()) {
      const space = key.indexOf(" ");
      // Names with an initial are what is looked up, not what is found.
      if (key.charCodeAt(space - 1) === 46) continue;
      const rest = key.slice(space + 1);
      const list = out.get(rest);
      if (list) list.push(key);
      else out.set(rest, [key]);
    }
    return out;
  }

  /** In how many articles full names open with each word (by key), summed over the names. */
  private opens(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, s] of this.names) {
      const first = key.slice(0, key.indexOf(" "));
      out.set(first, (out.get(first) ?? 0) + s.titled + placedAll(s) + s.bare);
    }
    return out;
  }

  /**
   * "CEO Uber Travis Kalanick", "Giám đốc điều hành Disney Bob Iger", "Chechnya Ramzan Kadyrov": a
   * firm's or a place's word before a given name. The archive writes the first word alone at least
   * as often as it opens names, after place or organisation words at least as often as after
   * titles, and it is no Vietnamese syllable (Korean and Chinese family names are: "Song Joong
   * Ki", "Han Hyo Joo"); the second word opens names more often than it stands alone. The name
   * without the first word need not stand elsewhere (heads of firms are named rarely).
   * `opensOf`: in how many articles full names open with a word.
   */
  private headsGivenName(words: string[], opensOf: (key: string) => number): boolean {
    if (words[0].length < 3 || isVietnameseName(words.slice(0, 1))) return false;
    const head = nameKey(words.slice(0, 1));
    const s = this.singles.get(head);
    if (!s || placedAll(s) === 0 || placedAll(s) < s.titled) return false;
    const alone = s.titled + placedAll(s) + s.bare;
    if (alone < GLUED_MIN) return false;
    const given = nameKey(words.slice(1, 2));
    return alone >= opensOf(head) && opensOf(given) > this.uses(given);
  }

  /** The hooks `resolvePeople` takes: archive evidence first, then the scorer, if any. */
  helpers(scorer?: CandidateScorer): PeopleHelpers {
    // Worked out on first use, once per set of hooks (the build asks for hooks once per segment).
    let opens: Map<string, number> | undefined;
    return {
      accept: (m, all) => {
        const key = m.key;
        return !this.placeName(key) && (this.titledName(key) || Boolean(scorer?.(m, this, all)));
      },
      reject: (m) => this.placeName(m.key),
      acceptSingle: (m, alone) =>
        (m.titled && this.titledSingle(m.words)) || (personTitledSingle(m) && this.notMostlyBare(m.words)) || this.bareSingle(m.words, alone),
      sportsSingle: (m) => this.sportsSingle(m.words),
      surnameSingle: (m) => this.surnameSingle(m.words),
      titledElsewhere: (m) => this.titledName(m.key),
      titledGiven: (m) => this.titledGivenName(m.words),
      mostlyPlace: (m) => this.mostlyPlace(m.key),
      canonicalId: (key) => {
        const full = this.fullForInitial(key);
        return full === undefined ? undefined : personSlug(full);
      },
      listedSingle: (m) => !this.placeSingle(m.words),
      stageName: (m) => m.stage !== undefined && this.uses(nameKey([m.stage, ...m.words])) >= STAGE_MIN && !this.placeSingle([m.stage]),
      mostlyLower: scorer?.mostlyLower,
      doubt: scorer?.doubt ? (m) => scorer.doubt!(m, this) : undefined,
      judge: scorer?.judge ? (words, mentions) => scorer.judge!(words, mentions, this) : undefined,
      add: scorer?.add ? (words, mentions) => scorer.add!(words, mentions, this) : undefined,
      rare: (key, than) => {
        const n = this.uses(key);
        return n <= 1 || (than !== undefined && n * RARER <= this.uses(than));
      },
      gluedPair: (words) => {
        const whole = this.uses(nameKey(words));
        return [words.slice(0, 2), words.slice(2)].every((part) => {
          const n = this.uses(nameKey(part));
          return n >= GLUED_MIN && n >= GLUED_MIN * whole;
        });
      },
      gluedAfter: (words: string[]) => {
        // The glued word is one the corpus writes in lower case: a given name rarely is ("Nguyễn
        // Ngọc Minh Huy", "Bùi Văn Nam Sơn" are four-word names whose first three words stand too).
        if (!scorer?.mostlyLower?.(words[words.length - 1])) return false;
        const rest = this.uses(nameKey(words.slice(0, -1)));
        return rest >= GLUED_MIN && rest >= GLUED_MIN * this.uses(nameKey(words));
      },
      namedAfterHead: (words) => {
        // Korean and Chinese family names are Vietnamese syllables and stand alone too ("Han Hyo Joo").
        if (words.length < 2 || isVietnameseName(words.slice(0, 1))) return false;
        const opensOf = (key: string) => (opens ??= this.opens()).get(key) ?? 0;
        const head = nameKey(words.slice(0, 1));
        const alone = this.uses(head);
        if (alone === 0 || alone < HEAD_ALONE * opensOf(head)) return false;
        const next = nameKey(words.slice(1, 2));
        return opensOf(next) <= this.uses(next);
      },
      gluedBefore: (words) => {
        // Worked out only for a word that stands alone often enough (the whole archive's names are read once).
        const opensOf = (key: string) => (opens ??= this.opens()).get(key) ?? 0;
        if (words.length === 3 && this.headsGivenName(words, opensOf)) return true;
        const rest = this.uses(nameKey(words.slice(1)));
        if (rest < GLUED_MIN || rest < GLUED_MIN * this.uses(nameKey(words))) return false;
        // The first word stands alone at least as often as it opens a full name ("Porto", "Mourinho"), unlike given names ("Fabio", "Kim").
        const head = nameKey(words.slice(0, 1));
        const alone = this.uses(head);
        return alone >= GLUED_MIN && alone >= opensOf(head);
      },
    };
  }
}

/**
 * What one article adds to the evidence: each full name's and each one-word name's key, in the
 * order first met, with the kinds it was seen as (one bit per entry of KINDS). A name counts
 * once per article and kind. Plain data: the build works it out where the article is analysed.
 */
export interface ArticleEvidence {
  names: string[];
  nameKinds: number[];
  singles: string[];
  singleKinds: number[];
}

const BIT: Record<Kind, number> = { titled: 1, placed: 2, bare: 4, surname: 8, credit: 16 };

/** One article's evidence from its candidates (`findCandidates`). */
export function articleEvidence(candidates: readonly Candidate[]): ArticleEvidence {
  const full = new Map<string, number>();
  const single = new Map<string, number>();
  for (const m of candidates) {
    const kind: Kind = m.titled ? "titled" : m.credit && !m.filed ? "credit" : m.placed && !m.quoted && !m.near && !m.filed ? "placed" : "bare";
    if (m.words.length === 1) note(single, m.key, kind);
    else {
      note(full, m.key, kind);
      // "Soobin Hoàng Sơn": the stage name as written, so `stageName` can tell how often the archive writes it.
      if (m.stage) note(full, nameKey([m.stage, ...m.words]), kind);
      // "Tổng thống Donald Trump" also vouches for "Trump" alone; Vietnamese people are not
      // named by their family name, so only foreign names lend their last word.
      if (!m.vn) {
        const last = nameKey(m.words.slice(-1));
        if (kind === "titled") note(single, last, kind);
        if (kind !== "placed" && kind !== "credit") note(single, last, "surname");
      }
    }
  }
  return { names: [...full.keys()], nameKinds: kindsOf(full), singles: [...single.keys()], singleKinds: kindsOf(single) };
}

/** The kinds' bits per name; placed and credited in one article counts once, as placed. */
function kindsOf(map: Map<string, number>): number[] {
  const out: number[] = [];
  for (const bits of map.values()) out.push(bits & BIT.placed ? bits & ~BIT.credit : bits);
  return out;
}

function note(map: Map<string, number>, key: string, kind: Kind) {
  map.set(key, (map.get(key) ?? 0) | BIT[kind]);
}

// Once per name of every article of a build: the kinds by their bits, not a loop over KINDS.
function apply(target: Map<string, NameStats>, keys: readonly string[], kinds: readonly number[], delta: number) {
  for (let i = 0; i < keys.length; i++) {
    let s = target.get(keys[i]);
    if (!s) target.set(keys[i], (s = empty()));
    const bits = kinds[i];
    if (bits & BIT.titled) s.titled += delta;
    if (bits & BIT.placed) s.placed += delta;
    if (bits & BIT.bare) s.bare += delta;
    if (bits & BIT.surname) s.surname += delta;
    if (bits & BIT.credit) s.credit += delta;
    if (isEmpty(s)) target.delete(keys[i]);
  }
}

function empty(): NameStats {
  return { titled: 0, placed: 0, bare: 0, surname: 0, credit: 0 };
}

function isEmpty(s: NameStats): boolean {
  return s.titled <= 0 && s.placed <= 0 && s.bare <= 0 && s.surname <= 0 && s.credit <= 0;
}

/**
 * A full name's place count with its credits: a byline writer's or a photographer's name, signing
 * articles, stands untitled elsewhere too where the rules read no byline ("Hoàng Hải", "Huy Hùng");
 * so credits keep it out there, as they did when they were counted placed. The judge was trained on
 * this sum too. A one-word name's predicates read `placed` alone: its credits are mostly a caption's
 * name before the photo credit ("Mandzukic Ảnh: Getty"), a player's, not a place's.
 */
export function placedAll(s: NameStats | undefined): number {
  return s ? s.placed + s.credit : 0;
}

/** One article with a place word before a one-word name is a slip or a club's word ("của AS Monaco Falcao"), not a place's name. */
const SINGLE_PLACED_MIN = 2;

/**
 * Whether place words precede a one-word name too often for its titles to vouch for it: in
 * SINGLE_PLACED_MIN articles or more, and more than half as often as titles introduce it.
 */
function outweighedByPlaces(s: NameStats): boolean {
  return s.placed >= SINGLE_PLACED_MIN && s.titled < 2 * s.placed;
}
