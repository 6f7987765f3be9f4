// The renderer processes of the headless Chromium started by this Node process:
// their peak and current resident set, for the benchmarks (bench/browser/run.mjs,
// tests/e2e/import-bench.mjs). Linux only (/proc).
import { readFileSync, readdirSync } from 'node:fs';

/** Page renderers (descendants of this process) → { hwmMB, rssMB }, by pid. */
export function renderers() {
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.set(Number(d), { ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8') });
    } catch { /* gone */ }
  }
  const mine = (pid) => { for (let p = pid, i = 0; p > 1 && i < 64; p = procs.get(p)?.ppid ?? 0, i++) if (p === process.pid) return true; return false; };
  const out = new Map();
  for (const [pid, { cmd }] of procs) {
    // Page renderers only: not the browser UI's own WebUI renderer (`--top-chrome-webui`).
    if (!cmd.includes('--type=renderer') || cmd.includes('--top-chrome-webui') || !mine(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (k) => Number((status.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]);
      out.set(pid, { hwmMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 });
    } catch { /* gone */ }
  }
  return out;
}
