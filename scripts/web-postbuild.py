"""Trunk post-build hook: make the app load with no network request but its own
static files, under a strict Content-Security-Policy.

Trunk's loader fetches the .wasm with fetch() (a connect-src request) and boots from
an inline script. Both would need a looser policy. This hook instead writes the wasm
as a JavaScript module holding one string: the wasm compressed with zopfli (gzip
format) in base64. The browser unpacks it with DecompressionStream and compiles it as
it is unpacked; no request is made. Compressed first, the module is about half the
wasm's size on disk (the single-file build and a copy on a network share carry no
transport compression), and gzipped by a server it is no larger than the gzipped wasm.
The hook then boots from an external module script, removes the preload and inline
script, and adds the policy as a <meta> tag: connect-src 'none' (no fetch, XHR or
WebSocket at all) and 'wasm-unsafe-eval' (to instantiate WebAssembly)."""
import base64
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

# The yearly report's stylesheet: the report's preview (an iframe with srcdoc, which
# inherits this policy) may apply exactly this inline <style> and no other.
REPORT_CSS = pathlib.Path(__file__).resolve().parent.parent / "crates/report/src/report.css"
REPORT_CSS_HASH = base64.b64encode(hashlib.sha256(REPORT_CSS.read_bytes()).digest()).decode()

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
       f"style-src 'self' 'sha256-{REPORT_CSS_HASH}'; "
       "img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; media-src 'none'; "
       "object-src 'none'; frame-src 'none'; worker-src 'self'; base-uri 'none'; form-action 'none'")

stage = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
# OTKLIK_PART=respondent: the light respondent build (no `manager` feature), built
# first into web/dist-respond; the full build then takes its files (see below).
RESPONDENT = os.environ.get("OTKLIK_PART") == "respondent"
RESPOND_DIST = pathlib.Path(__file__).resolve().parent.parent / "web/dist-respond"
index = stage / "index.html"
html = index.read_text(encoding="utf-8")

# zopfli, installed by scripts/setup.sh (or any zopfli on the PATH).
ZOPFLI = pathlib.Path(__file__).resolve().parent.parent / "tools/zopfli/bin/zopfli"
zopfli = str(ZOPFLI) if ZOPFLI.exists() else shutil.which("zopfli")
if not zopfli:
    raise SystemExit("web-postbuild: zopfli is missing: run scripts/setup.sh")

wasm = next(stage.glob("*_bg.wasm"))
glue = wasm.name.replace("_bg.wasm", ".js")
with tempfile.TemporaryDirectory() as tmp:
    raw = pathlib.Path(tmp) / "app.wasm"
    shutil.copyfile(wasm, raw)
    subprocess.run([zopfli, str(raw)], check=True)
    packed = (pathlib.Path(tmp) / "app.wasm.gz").read_bytes()
text = base64.b64encode(packed).decode()
digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
module = f"wasm-{digest}.js"
(stage / module).write_text(f'export default "{text}";\n', encoding="utf-8")
wasm.unlink()
# Turns the module's string into what wasm-bindgen's init takes: a Response, which
# it compiles while it is unpacked. Written into each script that loads the wasm.
# A browser without DecompressionStream (older than Chromium 80, Firefox 113, Safari
# 16.4) is told so on the page instead of showing nothing.
UNPACK = (
    "function unpack(text) {\n"
    "  if (typeof DecompressionStream !== 'function') {\n"
    "    if (typeof document === 'object') {\n"
    "      const main = document.createElement('main');\n"
    "      main.className = 'card too-old';\n"
    "      const h1 = document.createElement('h1');\n"
    "      h1.textContent = 'Отклик · Otklik';\n"
    "      const box = document.createElement('div');\n"
    "      box.setAttribute('role', 'alert');\n"
    "      main.appendChild(h1);\n"
    "      main.appendChild(box);\n"
    "      [['ru', 'Этот браузер слишком старый для приложения: откройте страницу в новой версии Chromium, Firefox, Safari или Яндекс Браузера.'],\n"
    "       ['en', 'This browser is too old for the app: open the page in a recent Chromium, Firefox or Safari.']].forEach(function (said) {\n"
    "        const p = document.createElement('p');\n"
    "        p.lang = said[0];\n"
    "        p.textContent = said[1];\n"
    "        box.appendChild(p);\n"
    "      });\n"
    "      document.body.textContent = '';\n"
    "      document.body.appendChild(main);\n"
    "    }\n"
    "    throw new Error('DecompressionStream is missing');\n"
    "  }\n"
    "  const bytes = atob(text);\n"
    "  const packed = new Uint8Array(bytes.length);\n"
    "  for (let i = 0; i < bytes.length; i++) packed[i] = bytes.charCodeAt(i);\n"
    "  const wasm = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
    "  return new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } });\n"
    "}\n"
)
if RESPONDENT:
    # Only its boot, glue, snippets and wasm are used (the page is the full build's).
    (stage / f"respond-{digest}.js").write_text(
        f'import init from "./{glue}";\n'
        f'import bin from "./{module}";\n'
        + UNPACK
        + "await init({ module_or_path: unpack(bin) });\n",
        encoding="utf-8",
    )
    print(f"web-postbuild: respondent build, {wasm.name} -> {module} ({len(text)} characters)")
    raise SystemExit(0)
# The respondent's build, when built: a survey link (#s=…, or the older #survey=)
# loads it alone, so that a respondent downloads only the runner; `?full` or no
# survey in the address loads the full app.
respond = sorted(RESPOND_DIST.glob("respond-*.js")) if RESPOND_DIST.is_dir() else []
if len(respond) > 1:
    raise SystemExit(f"web-postbuild: more than one respondent boot in {RESPOND_DIST}")
if respond:
    # Its glue, wasm and snippets; a file of the same name must be the same file.
    for f in RESPOND_DIST.rglob("*"):
        rel = f.relative_to(RESPOND_DIST)
        if f.is_dir() or rel.suffix == ".html" or f.suffix in (".css", ".svg"):
            continue
        to = stage / rel
        if to.exists():
            if to.read_bytes() != f.read_bytes():
                raise SystemExit(f"web-postbuild: {rel} differs between the two builds")
            continue
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, to)
    choose = (
        "const survey = /^#(s|survey)=/.test(location.hash) && !new URLSearchParams(location.search).has('full');\n"
        f'if (survey) {{ await import("./{respond[0].name}"); }} else {{ await full(); }}\n'
    )
else:
    choose = "await full();\n"
boot = f"boot-{digest}.js"
(stage / boot).write_text(
    "async function full() {\n"
    f'  const {{ default: init }} = await import("./{glue}");\n'
    f'  const {{ default: bin }} = await import("./{module}");\n'
    "  await init({ module_or_path: unpack(bin) });\n"
    "}\n" + UNPACK + choose,
    encoding="utf-8",
)
# The analytics worker loads the same module and answers requests (see web/src/worker.rs).
# For a large data set it starts a helper: the same script in a nested worker, on the
# second core, holding the second half of the rows (see web/src/worker/helper.rs).
worker = f"worker-{digest}.js"
(stage / worker).write_text(
    f'import init, {{ worker_request_progress, worker_files_for, worker_file_begin, worker_file_chunk, worker_file_end, worker_read_again, '
    f'worker_helper_rows, worker_split_begin, worker_split_own, worker_split_finish, helper_rows, helper_part }} from "./{glue}";\n'
    f'import bin from "./{module}";\n'
    + UNPACK
    + "let queue = init({ module_or_path: unpack(bin) });\n"
    "// The helper, started with the first data set large enough to share; none where a\n"
    "// worker cannot start one. Its parts come back by id; a helper that stopped or\n"
    "// did not answer within a minute gives none, and its rows are then read here.\n"
    "let helper = null, helperFailed = false, asked = 0;\n"
    "// The head of the rows last sent, and whether the helper said it holds them: until\n"
    "// it does (it may still be starting), passes run here alone.\n"
    "let sentHead = null, helperHolds = false;\n"
    "const waiting = new Map();\n"
    "function theHelper() {\n"
    "  if (helper || helperFailed) return helper;\n"
    "  try {\n"
    "    helper = new Worker(self.location.href, { type: 'module' });\n"
    "    helper.postMessage({ helper: true });\n"
    "    helper.onmessage = (e) => {\n"
    "      if ('held' in e.data) { helperHolds = e.data.held === sentHead; return; }\n"
    "      const w = waiting.get(e.data.id); if (w) { waiting.delete(e.data.id); w(e.data.part); }\n"
    "    };\n"
    "    helper.onerror = () => { helperFailed = true; helper = null; for (const w of waiting.values()) w(null); waiting.clear(); };\n"
    "  } catch (err) { helperFailed = true; helper = null; }\n"
    "  return helper;\n"
    "}\n"
    "function askHelper(head, task) {\n"
    "  const h = theHelper();\n"
    "  if (!h) return Promise.resolve(null);\n"
    "  const id = ++asked;\n"
    "  return new Promise((ok) => {\n"
    "    waiting.set(id, ok);\n"
    "    setTimeout(() => { if (waiting.delete(id)) ok(null); }, 60000);\n"
    "    h.postMessage({ id, head, task }, [task.buffer]);\n"
    "  });\n"
    "}\n"
    "// A request is 'ID\\nJSON', or [that, ...Blobs]: the files it names by their place,\n"
    "// streamed into the module chunk by chunk (a response file being checked is read as\n"
    "// it arrives; one with a problem is sent again, whole, for the exact report).\n"
    "// Requests are handled one at a time.\n"
    "async function handle(data) {\n"
    "  const [head, ...blobs] = Array.isArray(data) ? data : [data];\n"
    "  const i = head.indexOf('\\n');\n"
    "  const id = head.slice(0, i);\n"
    "  const body = head.slice(i + 1);\n"
    "  const progress = (p) => self.postMessage('progress ' + id + '\\n' + p);\n"
    "  const task = helperFailed || !helperHolds || blobs.length ? undefined : worker_split_begin(body);\n"
    "  if (task) {\n"
    "    const theirs = askHelper(task[0], task[1]);\n"
    "    worker_split_own();\n"
    "    const part = await theirs;\n"
    "    self.postMessage(id + '\\n' + worker_split_finish(part || new Uint8Array(0)));\n"
    "    return;\n"
    "  }\n"
    "  for (let whole = false; ; whole = true) {\n"
    "    try {\n"
    "      worker_files_for(body, whole, progress);\n"
    "      blobs.forEach((blob, k) => worker_file_begin(blob.size, k === 0));\n"
    "      for (const blob of blobs) {\n"
    "        const reader = blob.stream().getReader();\n"
    "        for (;;) {\n"
    "          const { done, value } = await reader.read();\n"
    "          if (done) break;\n"
    "          worker_file_chunk(value);\n"
    "        }\n"
    "        worker_file_end();\n"
    "      }\n"
    "    } catch (err) {\n"
    "      worker_file_begin(0, true);\n"
    "      const why = String(err && err.message || err);\n"
    "      self.postMessage(id + '\\n' + JSON.stringify({ ok: false, errors: [{ ru: 'Файл не удалось прочитать: ' + why, en: 'The file could not be read: ' + why }] }));\n"
    "      return;\n"
    "    }\n"
    "    const reply = worker_request_progress(body, progress);\n"
    "    if (!whole && worker_read_again()) continue;\n"
    "    const rows = helperFailed || !body.startsWith('{\"cmd\":\"load\"') ? undefined : worker_helper_rows(body);\n"
    "    if (rows && theHelper()) {\n"
    "      const pieces = rows.slice(1);\n"
    "      sentHead = rows[0]; helperHolds = false;\n"
    "      helper.postMessage({ head: rows[0], rows: pieces }, pieces.map((p) => p.buffer));\n"
    "    }\n"
    "    self.postMessage(id + '\\n' + reply);\n"
    "    return;\n"
    "  }\n"
    "}\n"
    "// In the helper: keep the rows sent; answer each task with a part (null: none).\n"
    "// `self.partsGiven` counts the parts given (to be seen from developer tools).\n"
    "self.partsGiven = 0;\n"
    "function helperHandle(m) {\n"
    "  if (m.rows) {\n"
    "    let held = false;\n"
    "    try { held = helper_rows(m.head, m.rows); } catch (err) { held = false; }\n"
    "    self.postMessage({ held: held ? m.head : null });\n"
    "    return;\n"
    "  }\n"
    "  let part = null;\n"
    "  try { part = helper_part(m.head, m.task) || null; } catch (err) { part = null; }\n"
    "  if (part) self.partsGiven++;\n"
    "  self.postMessage({ id: m.id, part }, part ? [part.buffer] : []);\n"
    "}\n"
    "let isHelper = false;\n"
    "self.onmessage = (e) => {\n"
    "  if (e.data && e.data.helper === true) { isHelper = true; return; }\n"
    "  queue = queue.then(() => (isHelper ? helperHandle(e.data) : handle(e.data))).catch(() => {});\n"
    "};\n",
    encoding="utf-8",
)

# Drop trunk's preload of the wasm and its inline boot script.
html = re.sub(r'<link rel="preload"[^>]*_bg\.wasm[^>]*>\s*', "", html)
# and its preloads of the glue: the boot loads the glue of the build it chooses.
html = re.sub(r'<link rel="modulepreload"[^>]*>\s*', "", html)
html = re.sub(r'<script type="module"[^>]*>.*?</script>\s*', "", html, flags=re.S)
html = html.replace(
    "</head>",
    f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
    f'<meta name="otklik-worker" content="./{worker}">\n'
    f'<script type="module" src="./{boot}"></script>\n</head>',
)
# The policy must come before anything it governs: move it to the top of <head>.
meta = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', html).group(0)
html = html.replace(meta, "").replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta.strip(), 1)
index.write_text(html, encoding="utf-8")
print(f"web-postbuild: {wasm.name} -> {module} ({len(text)} characters), CSP set")
