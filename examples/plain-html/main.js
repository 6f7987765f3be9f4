// A page with no framework: the files a user drops are read by otklik-analytics
// (copied beside this page as ./otklik-analytics/) and each group's indicators are
// drawn as a table. Small groups come back hidden and are shown as such.
import { ready, readResponses, analyze, demo, OtklikError } from './otklik-analytics/index.js';

const $ = (id) => document.getElementById(id);
let files = []; // { name, bytes }
await ready();
$('status').textContent = 'Ready.';

async function take(list) {
  files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  run();
}

function run() {
  const decoder = new TextDecoder();
  // The survey is the JSON file with "questions"; the rest are response files.
  const surveyFile = files.find((f) => f.name.endsWith('.json') && decoder.decode(f.bytes).includes('"questions"'));
  if (!surveyFile) {
    $('status').textContent = 'Add the survey definition (a .json file with its questions).';
    return;
  }
  const survey = decoder.decode(surveyFile.bytes);
  try {
    const data = readResponses(survey, files.filter((f) => f !== surveyFile));
    const by = $('by').value ? [$('by').value] : [];
    const a = analyze(survey, data, { by });
    $('status').textContent = `${data.count} responses; groups smaller than ${a.min_group} are hidden.`;
    $('result').replaceChildren(table(a));
  } catch (e) {
    if (!(e instanceof OtklikError)) throw e;
    $('status').textContent = e.message;
    const ul = document.createElement('ul');
    ul.className = 'problems';
    for (const p of e.problems) {
      const li = document.createElement('li');
      li.textContent = `${p.file}${p.line ? `:${p.line}` : ''}${p.column ? ` (${p.column})` : ''}: ${p.message.en}`;
      ul.append(li);
    }
    $('result').replaceChildren(ul);
  }
}

function table(a) {
  const t = document.createElement('table');
  const caption = t.createCaption();
  caption.textContent = 'Indicators by group';
  const head = t.createTHead().insertRow();
  for (const h of ['Group', 'Responses', 'Client-centricity index', 'NPS']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = t.createTBody();
  const fig = (f, digits) => (f === undefined ? '—' : f.suppressed ? 'hidden' : f.value.toFixed(digits));
  for (const g of a.groups) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = Object.values(g.key).join(' / ') || 'All responses';
    row.append(th);
    const cells = g.suppressed
      ? ['hidden', 'hidden', 'hidden']
      : [String(g.n), fig(g.ccl, 1), fig(Object.values(g.nps)[0], 1)];
    for (const c of cells) row.insertCell().textContent = c;
  }
  return t;
}

$('files').addEventListener('change', (e) => take(e.target.files));
$('by').addEventListener('change', run);
$('demo').addEventListener('click', () => {
  const d = demo({ responses: 3000 });
  const enc = new TextEncoder();
  files = [
    { name: 'external-client.json', bytes: enc.encode(d.surveys['external-client']) },
    ...d.files.filter((f) => f.name === 'external-client.csv'),
  ];
  run();
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); take(e.dataTransfer.files); });
