// The same in TypeScript, checked by `tsc --noEmit --strict`: every call and result
// of otklik-analytics is typed.
import { ready, demo, readResponses, analyze, merge, validateSurvey, OtklikError } from 'otklik-analytics';
import type { Analysis, Validation, ResponseSet } from 'otklik-analytics';

await ready();
const d = demo({ seed: 1, responses: 500 });
const survey: string = d.surveys['internal-client'];
const check: Validation = validateSurvey(survey);
if (!check.ok) throw new Error(check.problems.map((p) => `${p.path}: ${p.message.en}`).join('\n'));

const files = d.files.filter((f) => f.name === 'internal-client.csv');
const data: ResponseSet = readResponses(survey, files);
const a: Analysis = analyze(survey, data, { by: ['period'], minGroup: 5 });
for (const g of a.groups) {
  if (g.suppressed) continue;
  // A figure of a shown group may itself be hidden (too few answers to it).
  const index: number | undefined = g.ccl && !g.ccl.suppressed ? g.ccl.value : undefined;
  console.log(JSON.stringify(g.key), g.n, index);
}
const csv: Uint8Array = merge(survey, data, { format: 'csv' });
console.log(`${csv.length} bytes of merged responses`);

try {
  readResponses(survey, [{ name: 'bad.csv', bytes: new TextEncoder().encode('nonsense\n') }]);
} catch (e) {
  if (e instanceof OtklikError) {
    const where: string[] = e.problems.map((p) => `${p.file}:${p.line ?? ''}:${p.column ?? ''}`);
    console.log(e.code, e.messages.ru, where);
  }
}
