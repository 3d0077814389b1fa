// Merges the host benchmark (bench-driver's JSON) and the extension benchmark into one JSON file
// with the machine it ran on, and optionally rewrites the results section of docs/performance.md.
//
//   node bench/report.mjs --host-results FILE [--extension-results FILE] [--extension-firefox-results FILE] --out FILE
//                         [--python PATH] [--update-docs docs/performance.md]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { dirname, resolve } from 'node:path';

const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

function parseArgs(argv) {
  const opts = {};
  const known = { '--host-results': 'host', '--extension-results': 'extension', '--extension-firefox-results': 'extensionFirefox',
    '--out': 'out', '--python': 'python', '--update-docs': 'docs' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = known[argv[i]];
    if (!key) throw new Error(`unknown option ${argv[i]}`);
    if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
    opts[key] = argv[i + 1];
  }
  if (!opts.host || !opts.out) throw new Error('--host-results and --out are required');
  return opts;
}

// First line of `cmd --version`, or null; these lines name versions, never paths.
function versionOf(cmd, args = ['--version']) {
  try {
    const text = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return text.split('\n')[0].trim() || null;
  } catch {
    return null;
  }
}

function machine(pythonPath) {
  let model = null;
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    model = line ? line.split(':')[1].trim() : null;
  } catch { /* not Linux */ }
  return {
    cpu: model || (cpus()[0] && cpus()[0].model) || 'unknown',
    cores: cpus().length,
    kernel: `Linux ${release()}`,
    cc: versionOf('cc'),
    cxx: versionOf('c++'),
    python: pythonPath ? versionOf(pythonPath) : null,
    node: process.version,
    // Over the last 5 minutes, i.e. during the run: how busy the machine was while it measured.
    load_average_5min: Number(loadavg()[1].toFixed(2)),
  };
}

const fmt = (v) => (v >= 10000 ? v.toFixed(0) : v >= 100 ? v.toFixed(1) : v.toFixed(2));
const ratio = (v) => (v === undefined ? '-' : `${v.toFixed(2)}x`);

function markdown(report) {
  const m = report.machine;
  const lines = [];
  const browsers = [report.extension, report.extension_firefox].filter(Boolean).map((e) => e.browser).join(', ');
  lines.push(`Run of ${report.generated_at.slice(0, 10)} on: ${m.cpu}, ${m.cores} cores, ${m.kernel}; ${m.cxx}; ${m.cc}; ${m.python || 'no python'}; Node ${m.node}${browsers ? `; ${browsers}` : ''}; load average ${m.load_average_5min} (5 min) during the run.`);
  lines.push('');
  const w = report.host.workload;
  lines.push(`Workload: \`page_state\` with ${w.controls} controls (${w.page_state_bytes} bytes); cold start = spawn → \`hello\` reply → \`page_state\` reply, ${w.cold_reps} starts per host; warm round trip over ${w.warm_messages} messages on one process; throughput = ${w.throughput_rounds} × ${w.throughput_messages} pipelined messages. Hosts interleaved.`);
  lines.push('');
  const hosts = Object.keys(report.host.hosts);
  lines.push(`| measure | unit | ${hosts.join(' | ')} | host/floor | python/host |`);
  lines.push(`|---|---|${hosts.map(() => '---:').join('|')}|---:|---:|`);
  for (const row of report.host.table) {
    lines.push(`| ${row.measure} | ${row.unit} | ${hosts.map((h) => fmt(row[h])).join(' | ')} | ${ratio(row['host/floor'])} | ${ratio(row['python/host'])} |`);
  }
  if (report.host.targets) {
    lines.push('');
    lines.push('| target | ratio | limit | |');
    lines.push('|---|---:|---|---|');
    for (const t of report.host.targets) lines.push(`| ${t.target} | ${t.ratio.toFixed(2)} | ${t.limit} | ${t.met ? 'met' : '**missed**'} |`);
  }
  const extensions = [report.extension, report.extension_firefox].filter(Boolean);
  if (extensions.length) {
    const e = extensions[0];
    lines.push('');
    lines.push(`Extension, headless: ${e.page.elements} elements, ${e.page.controls} switches, real verdict (${e.verdict.highlight} highlight, ${e.verdict.ok} ok, ${e.verdict.unknown} unknown), ${e.scan_ms.count} repetitions per browser, in the content script's world. Scan as \`content/main.js\` makes it (trees, switches the user can see, each read): after a page change (a feed card arrived: the trees kept, the card walked) and with a full walk of the page (the first scan, navigation, at most a second after any other), interleaved; the floor is fixed pure-JS work of about the same length timed in the same pattern (the machine's own spread).`);
    lines.push('');
    lines.push(`| measure | ${extensions.map((x) => `${x.browser} median ms | p99 ms`).join(' | ')} |`);
    lines.push(`|---|${extensions.map(() => '---:|---:').join('|')}|`);
    const row = (name, key) => `| ${name} | ${extensions.map((x) => `${x[key].median.toFixed(2)} | ${x[key].p99.toFixed(2)}`).join(' | ')} |`;
    const met = (x, key) => (x.target[key] === undefined ? (x.target.met ? 'met' : '**missed**') : (x.target[key] ? 'met' : '**missed**'));
    const sub = (name, pick) => `| ${name} | ${extensions.map((x) => (pick(x) ? `${pick(x).median.toFixed(2)} | ${pick(x).p99.toFixed(2)}` : '- | -')).join(' | ')} |`;
    lines.push(row('scan after a page change (scan.js, presence.js)', 'scan_ms'));
    lines.push(row('apply verdict (highlight.js, layout included)', 'apply_ms'));
    lines.push(row(`scan + apply after a page change (target p99 ≤ 5 ms: ${extensions.map((x) => met(x, 'met_after_change')).join(' / ')})`, 'scan_and_apply_ms'));
    lines.push(sub('scan with a full walk', (x) => x.full_walk && x.full_walk.scan_ms));
    lines.push(sub(`scan + apply with a full walk (target p99 ≤ 5 ms: ${extensions.map((x) => met(x, 'met_full_walk')).join(' / ')})`, (x) => x.full_walk && x.full_walk.scan_and_apply_ms));
    lines.push(sub('floor: pure-JS work of the same length', (x) => x.floor_ms));
  }
  const e = report.extension;
  if (e && e.debounce) {
    lines.push('');
    lines.push('| unrelated DOM mutations (main.js) | DOM changes | observer batches | re-scans (at ms) | longest gap without a scan | page_state sent |');
    lines.push('|---|---:|---:|---|---:|---:|');
    for (const s of e.debounce.unrelated_mutations) {
      lines.push(`| ${s.stream}, ${s.duration_ms} ms | ${s.dom_changes} | ${s.observer_batches} | ${s.rescans} (${s.rescan_at_ms.join(', ')}) | ${s.longest_gap_without_scan_ms} ms | ${s.page_state_sent} |`);
    }
    const f = e.debounce.switch_flipped;
    lines.push(`| user flips the highlighted switch | 1 | - | ${f.rescans} | - | ${f.page_state_sent} |`);
  }
  return lines.join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const report = {
    generated_at: new Date().toISOString(),
    machine: machine(opts.python),
    host: JSON.parse(readFileSync(opts.host, 'utf8')),
    extension: opts.extension ? JSON.parse(readFileSync(opts.extension, 'utf8')) : null,
    extension_firefox: opts.extensionFirefox ? JSON.parse(readFileSync(opts.extensionFirefox, 'utf8')) : null,
  };
  mkdirSync(dirname(resolve(opts.out)), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  const m = report.machine;
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.kernel}, ${m.cxx}, load average ${m.load_average_5min}`);
  console.log(`wrote ${opts.out}`);
  if (opts.docs) {
    const doc = readFileSync(opts.docs, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${opts.docs} has no ${BEGIN} … ${END} section`);
    writeFileSync(opts.docs, `${doc.slice(0, start + BEGIN.length)}\n${markdown(report)}\n${doc.slice(end)}`);
    console.log(`updated ${opts.docs}`);
  }
}

try {
  main();
} catch (error) {
  console.error(`report: ${error.message}`);
  process.exit(1);
}
