"""Inlines the built app (web/dist) into one self-contained HTML file,
web/dist-single/otklik.html, that runs opened straight from disk or a network share
(file://): no fetch, no module imports, no worker file. The analytics run on the page.

The ES modules trunk and wasm-bindgen write (the wasm-bindgen glue, its inline JS
snippets, the packed wasm with the boot's `unpack`) are joined into one inline module
script; the stylesheet and the icon are inlined too. The Content-Security-Policy
allows exactly that script and those styles by their SHA-256, and nothing from any
network. The boot keeps the page's pristine source in `globalThis.otklikSource`, from
which the app writes a copy with a survey embedded (see web/src/services/page.rs)."""
import base64
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIST = ROOT / "web/dist"
OUT = ROOT / "web/dist-single"
REPORT_CSS = ROOT / "crates/report/src/report.css"


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def read(name: str) -> str:
    return (DIST / name).read_text(encoding="utf-8")


index = read("index.html")
boot_name = re.search(r'<script type="module" src="\./([^"]+)"></script>', index).group(1)
boot = read(boot_name)
# The full app's glue and wasm (the single file holds the full app alone: opened from
# disk, nothing is downloaded, so the light respondent build would gain nothing).
glue_name = re.search(r'const \{ default: init \} = await import\("\./([^"]+)"\)', boot).group(1)
wasm_name = re.search(r'const \{ default: bin \} = await import\("\./([^"]+)"\)', boot).group(1)
glue = read(glue_name)

parts = []
# The snippets: each becomes plain functions plus a namespace object for the glue. The
# glue may import one snippet under several namespaces: it is inlined once, and each
# further namespace is the first one.
inlined = {}
for m in re.finditer(r'import \* as (\w+) from "\./([^"]+)"', glue):
    var, path = m.groups()
    if path in inlined:
        parts.append(f"const {var} = {inlined[path]};")
        continue
    inlined[path] = var
    snippet = read(path)
    names = re.findall(r"^export (?:async )?function (\w+)", snippet, flags=re.M)
    snippet = re.sub(r"^export (async )?function ", r"\1function ", snippet, flags=re.M)
    if re.search(r"^\s*(import|export)\b", snippet, flags=re.M):
        sys.exit(f"build-single: {path} has imports or exports this script cannot inline")
    parts.append(snippet)
    parts.append(f"const {var} = {{ {', '.join(names)} }};")
glue = re.sub(r"^import .*?;?\n", "", glue, flags=re.M)
glue = re.sub(r"^export function ", "function ", glue, flags=re.M)
glue = re.sub(r"^export \{[^}]*\};?\n?", "", glue, flags=re.M)
if re.search(r"^\s*(import|export)\b", glue, flags=re.M):
    sys.exit("build-single: the glue has imports or exports this script cannot inline")
parts.append(glue)
wasm = read(wasm_name)
if not re.fullmatch(r'export default "[A-Za-z0-9+/=]*";\n', wasm):
    sys.exit("build-single: unexpected wasm module")
parts.append("const bin = " + wasm[len("export default "):])
unpack = re.search(r"^function unpack\(text\) \{\n.*?^\}\n", boot, flags=re.S | re.M)
if not unpack:
    sys.exit("build-single: the boot has no unpack function")
parts.append(unpack.group(0))
parts.append(
    "globalThis.otklikSource = '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;\n"
    "await __wbg_init({ module_or_path: unpack(bin) });\n"
)
script = "\n".join(parts)
# Nothing in the script may end the <script> element early.
script = script.replace("</script", "<\\/script")

css_name = re.search(r'<link rel="stylesheet" href="\./([^"]+)"', index).group(1)
css = read(css_name)
icon_name = re.search(r'<link rel="icon" href="\./([^"]+)"', index).group(1)
icon = base64.b64encode((DIST / icon_name).read_bytes()).decode()

csp = (
    "default-src 'none'; "
    f"script-src '{sha256(script)}' 'wasm-unsafe-eval'; "
    f"style-src '{sha256(css)}' '{sha256(REPORT_CSS.read_text(encoding='utf-8'))}'; "
    "img-src data: blob:; connect-src 'none'; media-src 'none'; object-src 'none'; "
    "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'"
)

head = re.search(r"<head>(.*)</head>", index, flags=re.S).group(1)
head = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', f'<meta http-equiv="Content-Security-Policy" content="{csp}">', head)
head = re.sub(r'<link rel="stylesheet"[^>]*>', lambda _: f"<style>{css}</style>", head)
head = re.sub(r'<link rel="icon"[^>]*>', f'<link rel="icon" href="data:image/svg+xml;base64,{icon}">', head)
head = re.sub(r'<link rel="modulepreload"[^>]*>', "", head)
head = re.sub(r'<meta name="otklik-worker"[^>]*>\n?', "", head)
head = re.sub(r'<script type="module" src="[^"]*"></script>\n?', "", head)
body = re.search(r"<body>(.*)</body>", index, flags=re.S).group(1)
html = (
    '<!DOCTYPE html>\n<html lang="ru">\n<head>'
    + head.rstrip()
    + f'\n<script type="module">{script}</script>\n</head>\n<body>'
    + body
    + "</body>\n</html>\n"
)
OUT.mkdir(parents=True, exist_ok=True)
(OUT / "otklik.html").write_text(html, encoding="utf-8")
print(f"build-single: {OUT / 'otklik.html'} ({len(html.encode('utf-8')) // 1024} KB)")
