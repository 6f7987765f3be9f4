// otklik-analytics: the Otklik analytics as a WebAssembly module. Runs without a
// bundler in a browser (<script type="module">) and in Node.js 20 (import), loading
// its .wasm from beside this file, from nowhere else.
import init, * as wasm from './dist/otklik_analytics.js';

let started;

/**
 * Loads the module; every other call needs it done. Safe to call more than once.
 * @param {URL|string|Uint8Array|WebAssembly.Module} [source] where the .wasm is, when
 *   not beside this file (say, a page that serves it from elsewhere on its own origin).
 */
export function ready(source) {
  started ??= (async () => {
    const where = source ?? new URL('./dist/otklik_analytics_bg.wasm', import.meta.url);
    if (typeof process === 'object' && process.versions?.node && where instanceof URL && where.protocol === 'file:') {
      // Node.js: fetch() cannot read files.
      const { readFile } = await import('node:fs/promises');
      await init({ module_or_path: await readFile(where) });
    } else {
      await init({ module_or_path: where });
    }
  })();
  return started;
}

/** Why a call failed: a code, a message in Russian and English, and every problem. */
export class OtklikError extends Error {
  constructor(e) {
    super(e.message.en);
    this.name = 'OtklikError';
    this.code = e.code;
    this.messages = e.message;
    this.problems = e.problems;
    this.definition = e.definition;
  }
}

function call(f) {
  if (!started) throw new Error('otklik-analytics: call `await ready()` first');
  try {
    return f();
  } catch (e) {
    if (e && e.otklik === true) throw new OtklikError(e);
    throw e;
  }
}

function randomSeed() {
  const [hi, lo] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return (hi & 0x1fffff) * 2 ** 32 + lo; // 53 random bits: a safe integer
}

function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export { ResponseSet } from './dist/otklik_analytics.js';

export function validateSurvey(surveyJson) {
  return call(() => wasm.validateSurvey(surveyJson));
}

export function readResponses(surveyJson, files) {
  return call(() => wasm.readResponses(surveyJson, files));
}

/**
 * Reads response files chunk by chunk, so that a large file is never whole in memory
 * (a CSV file's records are read as they arrive; a JSON file is gathered); a file with
 * a problem is read once more whole, for the exact report. `files`: `{ name, blob }`
 * with a `Blob` or `File` (in Node.js, `fs.openAsBlob(path)`).
 */
export async function readResponsesFrom(surveyJson, files) {
  const reader = call(() => new wasm.ResponseReader(surveyJson));
  try {
    for (const { name, blob } of files) {
      reader.begin(name);
      for await (const chunk of blob.stream()) reader.push(chunk);
      if (!reader.end()) reader.whole(name, new Uint8Array(await blob.arrayBuffer()));
    }
    return call(() => reader.finish());
  } finally {
    reader.free();
  }
}

export function analyze(surveyJson, data, options = {}) {
  return call(() => wasm.analyze(surveyJson, data, options));
}

export function analyzeMany(surveyJson, data, groupings) {
  return call(() => wasm.analyzeMany(surveyJson, data, groupings));
}

export function merge(surveyJson, data, options = {}) {
  return call(() => wasm.merge(surveyJson, data, { seed: randomSeed(), ...options }));
}

export function report(inputs, options) {
  return call(() => wasm.report(inputs, { date: today(), ...options }));
}

export function demo(options = {}) {
  return call(() => wasm.demo(options));
}
