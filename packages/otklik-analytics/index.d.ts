// Types of otklik-analytics. The shape of an analysis is in ./analysis.d.ts.
import type { Analysis } from './analysis.js';

export type { Analysis } from './analysis.js';
export * from './analysis.js';

/** A text in both languages of the interface. */
export interface Text {
  ru: string;
  en: string;
}

/** A file: its name (as problems and the report name it) and its bytes. */
export interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

/** A problem in a survey definition. */
export interface DefinitionProblem {
  /** A JSON path such as `questions[3].options[1].id`; empty for the whole file. */
  path: string;
  /** For a JSON syntax error: the 1-based line. */
  line?: number;
  /** For a JSON syntax error: the 1-based column. */
  column?: number;
  message: Text;
}

/** A problem in a response file. */
export interface FileProblem {
  file: string;
  /** The 1-based line, when the problem is on one. */
  line: number | null;
  /** A CSV column's name, or a 1-based position on a line of a JSON file. */
  column: string | number | null;
  /** A place in a JSON document (`responses[17].answers.dept`), when that is where. */
  path?: string;
  message: Text;
}

/** The result of {@link validateSurvey}. */
export type Validation = { ok: true } | { ok: false; problems: DefinitionProblem[] };

/** What kind of error an {@link OtklikError} is. */
export type ErrorCode = 'bad-survey' | 'bad-files' | 'conflict' | 'bad-options' | 'analysis' | 'report';

/** Why a call failed: a code, a message in both languages, and every problem found. */
export class OtklikError extends Error {
  readonly name: 'OtklikError';
  readonly code: ErrorCode;
  /** The message in Russian and English (`message` is the English). */
  readonly messages: Text;
  /** Problems of response files, file by file (`bad-files`, `conflict`). */
  readonly problems: FileProblem[];
  /** Problems of a survey definition (`bad-survey`). */
  readonly definition: DefinitionProblem[];
}

/** A survey's responses read from files, merged by response id. Free it with `free()`
 * when done, or leave it to the garbage collector. */
export class ResponseSet {
  private constructor();
  free(): void;
  /** How many responses were read (after merging by id). */
  readonly count: number;
  /** The id of the survey they were read for. */
  readonly surveyId: string;
}

export interface AnalyzeOptions {
  /** Grouping keys, outermost first (`period`, a question id, `period.year`...); each
   * may be a comma-separated list, as `otklik indicators --by` takes them. */
  by?: string[];
  /** Smallest group shown, raised above the survey's own (never lower). */
  minGroup?: number;
  /** Include free-text answers (default false). */
  texts?: boolean;
}

export interface MergeOptions {
  /** CSV (the default, as the kiosk exports) or JSON. */
  format?: 'csv' | 'json';
  /** The seed of the random order; default: drawn from `crypto.getRandomValues`. */
  seed?: number;
}

/** One survey of a report: its definition and its response files. */
export interface ReportInput {
  /** The survey definition (JSON text). */
  survey: string;
  /** The definition's name in the report's registry of files (default `survey.json`). */
  name?: string;
  files: NamedFile[];
}

export interface ReportOptions {
  /** The year reported on. */
  year: number;
  /** Years to compare with (default: every earlier year in the data). */
  compare?: number[];
  /** The organisation's name for the title page (default «Организация»). */
  org?: string;
  /** The report's language (default `ru`). */
  lang?: 'ru' | 'en';
  format: 'html' | 'docx' | 'xlsx' | 'csv';
  /** The date of preparation, `YYYY-MM-DD` (default: today). */
  date?: string;
  /** Recommendations replacing the generated ones, one per line. */
  recommendations?: string;
  /** Smallest group shown (at least 3; default: the surveys'). */
  minGroup?: number;
  /** For `docx`: the report's charts as PNG images, in report order, drawn at two
   * pixels per SVG unit; without them the DOCX has no chart images. */
  images?: Uint8Array[];
}

export interface DemoOptions {
  /** The generator's seed (default 2026). */
  seed?: number;
  /** Responses per survey (default: about 2,600 internal and 6,000 external). */
  responses?: number;
}

/** The demo data: both built-in templates and a response file for each. */
export interface Demo {
  /** Each template's definition (JSON text) by survey id. */
  surveys: Record<string, string>;
  /** `<survey id>.csv` for each template. */
  files: NamedFile[];
}

/** Loads the module; every other call needs it done. Safe to call more than once. */
export function ready(source?: URL | string | Uint8Array | WebAssembly.Module): Promise<void>;

/** Checks a survey definition, as `otklik validate` does. */
export function validateSurvey(surveyJson: string): Validation;

/** Reads response files (CSV or JSON) and merges them by response id. Every file is
 * validated whole; any problem, or an id with different answers in two files, throws
 * an {@link OtklikError} and nothing is read. */
export function readResponses(surveyJson: string, files: NamedFile[]): ResponseSet;

/** {@link readResponses} for large files: each file is read chunk by chunk as its
 * `blob` streams (a `Blob` or `File`; in Node.js, `fs.openAsBlob(path)`), so that it is
 * never whole in memory; a file with a problem is read once more whole, for the exact
 * report. */
export function readResponsesFrom(surveyJson: string, files: { name: string; blob: Blob }[]): Promise<ResponseSet>;

/** The indicators, equal to `otklik indicators ... --format json`. */
export function analyze(surveyJson: string, data: ResponseSet, options?: AnalyzeOptions): Analysis;

/** Several groupings (each a list of keys, as `by`) in one pass over the data, without
 * free texts: each result equals {@link analyze}'s for that grouping, and costs little
 * more than the finest one alone. */
export function analyzeMany(surveyJson: string, data: ResponseSet, groupings: string[][]): Analysis[];

/** The responses in one file, in random order, as `otklik merge` writes them. */
export function merge(surveyJson: string, data: ResponseSet, options?: MergeOptions): Uint8Array;

/** The yearly report, as `otklik report` writes it. */
export function report(inputs: ReportInput[], options: ReportOptions): Uint8Array;

/** The demo data, as `otklik demo` writes it. */
export function demo(options?: DemoOptions): Demo;
