// Prints a group's indicators: node indicators.mjs SURVEY.json RESPONSES.csv [GROUPING]
// (with no arguments, it makes the demo data and uses the external-client survey).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ready, demo, readResponses, analyze, OtklikError } from 'otklik-analytics';

await ready();
const [surveyPath, responsesPath, by = 'period'] = process.argv.slice(2);
let survey, files;
if (surveyPath && responsesPath) {
  survey = await readFile(surveyPath, 'utf8');
  files = [{ name: basename(responsesPath), bytes: new Uint8Array(await readFile(responsesPath)) }];
} else {
  const d = demo({ responses: 2000 });
  survey = d.surveys['external-client'];
  files = d.files.filter((f) => f.name === 'external-client.csv');
}
try {
  const data = readResponses(survey, files);
  const a = analyze(survey, data, { by: [by] });
  console.log(`${data.count} responses, K = ${a.min_group}, grouped by ${a.by.join(', ')}`);
  for (const g of a.groups) {
    const key = Object.values(g.key).join(' / ');
    if (g.suppressed) console.log(`${key}: hidden (fewer than ${a.min_group} responses)`);
    else console.log(`${key}: n = ${g.n}, client-centricity index ${g.ccl?.value?.toFixed(1) ?? "—"}`);
  }
} catch (e) {
  if (!(e instanceof OtklikError)) throw e;
  console.error(e.message);
  for (const p of e.problems) console.error(`${p.file}:${p.line ?? ''}: ${p.message.en}`);
  process.exitCode = 1;
}
