// The Windows host's data and log folders, and its store reads, against the .exe under Wine over
// real pipes (scripts/test.d/71-windows-install runs it with a prefix of its own):
//   - LINKEDOUT_DATA_DIR and %LOCALAPPDATA% naming folders called Zoë and 数据: the store and the
//     log land there, under those very names;
//   - a relative LINKEDOUT_DATA_DIR is refused (store_error), nothing is written where the host runs;
//   - a state.json too large, or a folder, is a store_error at once and is left as it was.
//   node --test tests/windows/host-data.test.js        (needs build-windows/ and Wine)
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { exited, frame, onFrames, spawnHost } from '../protocol/host-process.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const HOST = path.join(here, 'wine-host');

// Requests that read and write the store.
const storeTouching = Buffer.concat([
  frame({ type: 'config', id: 1, region: 'EU' }),
  frame({ type: 'walkthrough', id: 2, action: 'status' }),
  frame({ type: 'report', id: 3, format: 'md' }),
]);

/** Runs the .exe with `env` added (LINKEDOUT_* from the caller's environment removed), writes `input`. */
async function host(env, input, cwd = os.tmpdir()) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LINKEDOUT_')));
  const child = spawnHost(HOST, [], { env: { ...base, LINKEDOUT_LOG: 'info', ...env }, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const replies = [];
  let err = '';
  const reader = onFrames(child.stdout, (body) => replies.push(JSON.parse(body)));
  child.stderr.on('data', (chunk) => { err += chunk; });
  child.stdin.end(input);
  const { code } = await exited(child, 'its input ended');
  return { code, replies, err, leftover: reader.leftover() };
}

const SHELL_FOLDERS = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders';

// Only there to fail instead of hang: `wine reg` takes a second or two; a wedged wineserver never ends.
const REG_BOUND_MS = 120_000;

/** `wine reg ARGS…` in the suite's prefix; killed (SIGKILL) and failed if still running after REG_BOUND_MS. */
function reg(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(here, 'wine-run'), ['reg', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wine reg ${args.join(' ')} was still running ${REG_BOUND_MS / 1000} s later: killed it (SIGKILL)`));
    }, REG_BOUND_MS);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`reg ${args.join(' ')}: exit ${code}`));
    });
  });
}

function scratch() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-windows-data-'));
}

test('LINKEDOUT_DATA_DIR in folders named Zoë and 数据: the store is written there, under those names', async () => {
  const root = scratch();
  try {
    const data = path.join(root, 'Zoë', '数据');
    const { replies, leftover } = await host({ LINKEDOUT_DATA_DIR: data }, storeTouching);
    assert.equal(leftover, 0);
    assert.deepEqual(replies.map((r) => r.type), ['config', 'walkthrough', 'report']);
    const state = JSON.parse(fs.readFileSync(path.join(data, 'state.json'), 'utf8'));
    assert.equal(state.region, 'EU');
    // Nothing under a mangled name beside it (the ANSI code page would write "Zo?" or "Zoë" as bytes).
    assert.deepEqual(fs.readdirSync(root), ['Zoë']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('%LOCALAPPDATA% named Zoë 数据: the store and the log go to LinkedOut and LinkedOut\\logs there', async () => {
  const root = scratch();
  try {
    const local = path.join(root, 'Zoë 数据');
    fs.mkdirSync(local);
    // An unknown message type is logged (a warning), so the log file must appear.
    const input = Buffer.concat([storeTouching, frame({ type: 'no_such_type', id: 4 })]);
    // Wine sets the variable from the profile when a program starts: the known folder is moved,
    // as a redirected profile is (the host asks for the known folder first).
    await reg(['add', SHELL_FOLDERS, '/v', 'Local AppData', '/t', 'REG_EXPAND_SZ', '/d', `Z:${local.replaceAll('/', '\\')}`, '/f']);
    const { replies } = await host({}, input).finally(() =>
      reg(['add', SHELL_FOLDERS, '/v', 'Local AppData', '/t', 'REG_EXPAND_SZ', '/d', '%USERPROFILE%\\AppData\\Local', '/f']));
    assert.equal(replies.length, 4);
    assert.equal(replies[3].type, 'error');
    assert.ok(fs.existsSync(path.join(local, 'LinkedOut', 'state.json')), 'the store under %LOCALAPPDATA%\\LinkedOut');
    const log = fs.readFileSync(path.join(local, 'LinkedOut', 'logs', 'host.log'), 'utf8');
    assert.match(log, /\[(warning|info|error)\]/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a relative LINKEDOUT_DATA_DIR is refused: store_error, nothing written where the host runs', async () => {
  const root = scratch();
  try {
    for (const relative of ['data', '\\data', 'C:data']) {
      const { replies } = await host({ LINKEDOUT_DATA_DIR: relative }, storeTouching, root);
      assert.deepEqual(replies.map((r) => r.code), ['store_error', 'store_error', 'store_error'], relative);
    }
    assert.deepEqual(fs.readdirSync(root), []);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a state.json of 40 MiB, or a folder, is a store_error at once and is left as it was', async () => {
  for (const kind of ['too large', 'folder']) {
    const root = scratch();
    try {
      const data = path.join(root, 'data');
      fs.mkdirSync(data);
      const state = path.join(data, 'state.json');
      if (kind === 'too large') {
        fs.writeFileSync(state, '{');
        fs.truncateSync(state, 40 * 1024 * 1024);  // sparse: no disk used
      } else {
        fs.mkdirSync(state);
      }
      const { replies, leftover } = await host({ LINKEDOUT_DATA_DIR: data }, storeTouching);
      assert.equal(leftover, 0, kind);
      assert.deepEqual(replies.map((r) => r.code), ['store_error', 'store_error', 'store_error'], kind);
      if (kind === 'too large') assert.equal(fs.statSync(state).size, 40 * 1024 * 1024);
      else assert.ok(fs.statSync(state).isDirectory());
      assert.deepEqual(fs.readdirSync(data).filter((name) => name.startsWith('state.json.corrupt-')), [], kind);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});
