// The analysis result: what `analyze()` returns, equal to `JSON.parse` of
// `otklik indicators ... --format json`.
//
// Maps keyed by ids (`Record<string, ...>`) keep the order of the survey definition.

/** A 95% interval: `[low, high]`. */
export type Interval = [low: number, high: number];

/**
 * A group's key: grouping name (`period` or a grouping question's id) → value (the
 * period, or the option id; `null` for no answer).
 */
export type GroupKey = Record<string, string | null>;

/** The mark of a suppressed figure: computed from too few respondents, nothing is shown, not even its `n`. */
export interface SuppressedMark {
  /** Always true. */
  suppressed: true;
}

/**
 * A figure, or the mark that it is suppressed (`{"suppressed": true}`).
 * Shown figures have no `suppressed` key, so `if (f.suppressed)` tells them apart.
 */
export type Fig<T> = (T & { suppressed?: never }) | SuppressedMark;

/** A scale item (and the CES) in one group. */
export interface ItemStats {
  /** Answers. */
  n: number;
  /** Mean of the answers. */
  mean: number;
  /** Sample standard deviation. */
  sd?: number;
  /** Student-t 95% interval of the mean. */
  ci95?: Interval;
  /** Share of the top two values. */
  top2: number;
  /** Wilson 95% interval of `top2`. */
  top2_ci95: Interval;
  /** Share of the bottom two values. */
  bottom2: number;
  /** `(mean − 1) / (m − 1) · 100`. */
  index: number;
  /** Counts of each value 1..=m. */
  dist: number[];
}

/** A dimension index in one group. */
export interface DimensionStats {
  /** Respondents with a score in the dimension. */
  n: number;
  /** Mean respondent score, 0–100. */
  index: number;
  /** Sample standard deviation of the scores. */
  sd?: number;
  /** Student-t 95% interval. */
  ci95?: Interval;
  /** Cronbach's α (listwise); absent for one item or fewer than 3 complete respondents. */
  alpha?: number;
  /** Respondents who answered every item (α's sample). */
  alpha_n: number;
}

/** The client-centricity level in one group. */
export interface LevelStats {
  /** Respondents with a level. */
  n: number;
  /** Mean respondent level, 0–100. */
  value: number;
  /** Sample standard deviation. */
  sd?: number;
  /** Student-t 95% interval. */
  ci95?: Interval;
}

/** NPS or eNPS in one group. */
export interface NpsStats {
  /** Answers. */
  n: number;
  /** `100 · (P − D) / n`. */
  value: number;
  /** Standard error. */
  se: number;
  /** 95% interval, clamped to [−100, 100]. */
  ci95: Interval;
  /** 9–10. */
  promoters: number;
  /** 7–8. */
  passives: number;
  /** 0–6. */
  detractors: number;
}

/** A share with its Wilson interval. */
export interface ShareStats {
  /** Answers (the denominator). */
  n: number;
  /** The share. */
  share: number;
  /** Wilson 95% interval. */
  ci95: Interval;
}

/** The customer effort score in one group. */
export interface CesStats {
  /** Answers. */
  n: number;
  /** Mean effort (higher is easier). */
  mean: number;
  /** Student-t 95% interval. */
  ci95?: Interval;
  /** Share of the two easiest values. */
  easy: number;
  /** Wilson 95% interval of `easy`. */
  easy_ci95: Interval;
}

/** Compliance with a service standard in one group. */
export interface StandardStats {
  /** Answers. */
  n: number;
  /** The standard (answers `<= max` comply). */
  max: number;
  /** Share complying. */
  share: number;
  /** Wilson 95% interval. */
  ci95: Interval;
  /** Median answer. */
  median: number;
  /** 90th percentile (type 7). */
  p90: number;
}

/** One part of a mix: its count and its share of the whole. */
export interface PartStats {
  /** Responses in this part. */
  n: number;
  /** `n` divided by the whole. */
  share: number;
  /** Wilson 95% interval of the share. */
  ci95: Interval;
}

/** A channel type of touchpoint options. */
export type ChannelType = 'digital' | 'offline';

/** Channel mix: shares of responses per touchpoint and per channel type. */
export interface ChannelStats {
  /** Responses naming a touchpoint. */
  n: number;
  /** Per touchpoint option: option id → its part. */
  options: Record<string, Fig<PartStats>>;
  /**
   * Per channel type (`digital`, `offline`): both when the touchpoint options have
   * channel types, neither (an empty object) when they have none.
   */
  types: Partial<Record<ChannelType, Fig<PartStats>>>;
}

/** A scale item as a driver of the client-centricity level. */
export interface DriverStats {
  /** Respondents with both the item and a level. */
  n: number;
  /** Pearson correlation of the item with the respondent's level. */
  importance: number;
  /** The item's 0–100 index. */
  performance: number;
  /** High importance and low performance: an area to correct. */
  priority: boolean;
}

/**
 * Where the drivers of a group are divided into more and less important, better and
 * worse performing: the medians of the shown drivers.
 */
export interface DriverMedians {
  /** The median importance. */
  importance: number;
  /** The median performance. */
  performance: number;
}

/** Free-text answers of a group, shuffled and detached from the other answers. */
export interface TextAnswers {
  /** Number of answers. */
  n: number;
  /** The answers, in an order unrelated to the responses. */
  answers: string[];
}

/** The figures of a shown group. */
export interface GroupStats {
  /** The group's key: grouping name → value (`null` for no answer). */
  key: GroupKey;
  /** Always false. */
  suppressed: false;
  /** Responses in the group. */
  n: number;
  /** `n / headcount`, when the group's unit has a headcount. */
  response_rate?: number;
  /** Scale items: question id → figures. */
  items: Record<string, Fig<ItemStats>>;
  /** Dimensions: dimension id → figures. */
  dimensions: Record<string, Fig<DimensionStats>>;
  /** The client-centricity level. */
  ccl?: Fig<LevelStats>;
  /** NPS / eNPS questions: question id → figures. */
  nps: Record<string, Fig<NpsStats>>;
  /** Effort questions: question id → figures. */
  ces: Record<string, Fig<CesStats>>;
  /** Service standards: question id → figures. */
  standards: Record<string, Fig<StandardStats>>;
  /** Need resolution: question id → figures. */
  resolution: Record<string, Fig<ShareStats>>;
  /**
   * Channel mix: touchpoint question id → mix (suppressed when fewer than K responses
   * name a touchpoint).
   */
  channels: Record<string, Fig<ChannelStats>>;
  /** Drivers of the level: scale item id → figures. */
  drivers: Record<string, Fig<DriverStats>>;
  /**
   * The medians of the shown drivers' importance and performance, which divide the
   * priority quadrant (none without a shown driver).
   */
  driver_medians?: DriverMedians;
  /** Free-text answers (only when asked for): text question id → answers. */
  texts?: Record<string, Fig<TextAnswers>>;
}

/** A group of fewer than K responses (or hidden by the remainder rule): only the key. */
export interface SuppressedGroup {
  /** The group's key. */
  key: GroupKey;
  /** Always true. */
  suppressed: true;
}

/** One group of responses: shown, or suppressed (tell them apart by `suppressed`). */
export type Group = GroupStats | SuppressedGroup;

/** The test behind a change. */
export type Test =
  /** Welch's t-test (means). */
  | 'welch'
  /** Two-proportion z-test with pooled variance (shares). */
  | 'two_proportion_z'
  /** `z = (v2 − v1) / √(se1² + se2²)` (NPS). */
  | 'nps_z';

/** What every change has, whatever its test. */
export interface ChangeCommon {
  /** Value in the earlier period. */
  from: number;
  /** Value in the later period. */
  to: number;
  /** `to − from`. */
  delta: number;
  /** The test. */
  test: Test;
  /** Its statistic (positive for an increase). */
  stat: number;
  /** Degrees of freedom (Welch only). */
  df?: number;
  /** Two-sided p. */
  p: number;
  /** `p < 0.05`. */
  significant: boolean;
}

/** A change of a mean, by Welch's t-test. */
export interface WelchChange extends ChangeCommon {
  /** Welch's t-test (means). */
  test: 'welch';
  /** Degrees of freedom. */
  df: number;
}

/** A change of a share or of an NPS, by a z-test. */
export interface ZChange extends ChangeCommon {
  /** Two-proportion z-test (shares) or the NPS z-test. */
  test: 'two_proportion_z' | 'nps_z';
  /** Degrees of freedom (Welch only). */
  df?: never;
}

/** The change of one figure between two consecutive periods. */
export type Change = WelchChange | ZChange;

/**
 * The path of a figure that can change between periods: `items.<id>.mean`,
 * `items.<id>.top2`, `dimensions.<id>.index`, `ccl.value`, `nps.<id>.value`,
 * `standards.<id>.share`, `resolution.<id>.share`.
 */
export type FigurePath =
  | `items.${string}.mean`
  | `items.${string}.top2`
  | `dimensions.${string}.index`
  | 'ccl.value'
  | `nps.${string}.value`
  | `standards.${string}.share`
  | `resolution.${string}.share`;

/** Changes between two consecutive periods for one group. */
export interface PeriodChange {
  /** The group's key without the period. */
  key: GroupKey;
  /** Earlier period. */
  from: string;
  /** Later period. */
  to: string;
  /** Figure path (`items.q1.mean`, `nps.enps.value`, …) → change. */
  figures: Partial<Record<FigurePath, Change>>;
}

/** The OLS trend of one figure over the periods. */
export interface TrendStats {
  /** Periods with a shown value. */
  periods: number;
  /** Change per period. */
  slope: number;
  /** Two-sided p of the slope. */
  p?: number;
  /** `p < 0.05`. */
  significant: boolean;
}

/** Trends for one group. */
export interface Trend {
  /** The group's key without the period. */
  key: GroupKey;
  /** Figure path → trend. */
  figures: Partial<Record<FigurePath, TrendStats>>;
}

/** The result of the analysis: the client-centricity indicators of a survey's responses, grouped. */
export interface Analysis {
  /** The survey's id. */
  survey: string;
  /** K for figures. */
  min_group: number;
  /** K for free text. */
  min_group_text: number;
  /** The grouping keys. */
  by: string[];
  /** The periods present, in order. */
  periods: string[];
  /** Responses analysed. */
  responses: number;
  /**
   * One entry per group of the table: every combination of the periods present and the
   * grouping questions' options, empty groups included (as suppressed), save no answer
   * (`null`) to a required grouping question.
   */
  groups: Group[];
  /** Changes between consecutive periods (when grouped by period first). */
  changes?: PeriodChange[];
  /** Trends over the periods (when grouped by period first). */
  trends?: Trend[];
}
