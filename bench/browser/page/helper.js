// Otklik's helper worker in the browser benchmark: the same module as the page's,
// holding the rows the page sends it and accumulating its part of each pass.
import init, { load_rows, helper_part, clear } from '/pkg/otklik_bench_wasm.js';

let ready = null;
self.onmessage = async ({ data: m }) => {
  if (m.module) {
    ready = init({ module_or_path: m.module });
    await ready;
    self.postMessage({ ready: true });
    return;
  }
  await ready;
  if (m.rows) {
    let n = 0;
    m.rows.forEach((piece, k) => { n = load_rows(piece, m.first, m.starts[k]); });
    self.postMessage({ loaded: n });
  } else if (m.task) {
    const part = helper_part(m.task);
    self.postMessage({ part }, [part.buffer]);
  } else if (m.clear) {
    clear();
    self.postMessage({ cleared: true });
  }
};
