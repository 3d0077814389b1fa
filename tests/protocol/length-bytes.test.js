// Frames whose 4-byte length holds 0x0A, 0x0D or 0x1A, both ways. On Windows a pipe in text mode
// turns CR LF into LF and LF into CR LF and reads 0x1A (Ctrl-Z) as the end of the input: such a
// host loses or shifts frames. The host must read and write every byte as it is.
//   node --test tests/protocol/        (LINKEDOUT_HOST=tests/windows/wine-host: the .exe under Wine)
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOST, exited, frame, onFrames, spawnHost } from './host-process.js';

const TEXT_MODE_BYTES = [0x0a, 0x0d, 0x1a];

function header(length) {
  const h = Buffer.alloc(4);
  h.writeUInt32LE(length);
  return h;
}

const hasTextModeByte = (length) => [...header(length)].some((b) => TEXT_MODE_BYTES.includes(b));

/** One session: writes `input` (raw bytes) and closes stdin; resolves with the reply frames ({length, body}). */
async function session(input) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-length-bytes-'));
  const env = { ...process.env, LINKEDOUT_DATA_DIR: path.join(scratch, 'data'), XDG_STATE_HOME: path.join(scratch, 'state'), LINKEDOUT_LOG: 'warn' };
  const child = spawnHost(HOST, [], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const frames = [];
  const reader = onFrames(child.stdout, (body, length) => frames.push({ length, body }));
  child.stdin.end(input);
  let code;
  try {
    ({ code } = await exited(child, 'its input ended'));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { code, frames, leftover: reader.leftover() };
}

// A page that names no setting: its controls come back in the verdict's `unknown` list, labels
// and all, so the labels' lengths set the reply's length byte for byte. Keys of one length keep
// each control's share of the reply the same.
function pageState(id, labels) {
  return { type: 'page_state', id, url: 'https://www.linkedin.com/mypreferences/d/categories/privacy', lang: 'en',
    controls: labels.map((label, i) => ({ key: `unknownKey${String(i).padStart(3, '0')}`, label, checked: true })) };
}

const MAX_LABEL = 1024;  // docs/protocol.schema.json

// A request body of exactly `length` bytes: a hello followed by JSON whitespace.
function helloOfLength(id, length) {
  const body = JSON.stringify({ type: 'hello', id, extension_version: '0.1.0' });
  assert.ok(body.length <= length);
  return Buffer.from(body + ' '.repeat(length - body.length), 'utf8');
}

test('requests whose length bytes are 0x0A, 0x0D and 0x1A are read whole, in order', async () => {
  assert.ok(fs.existsSync(HOST), `no host at ${HOST}: build first`);
  // 0D 0A (CR LF), 0A 1A, 1A 0D, 0A 0D 0A, and 1A alone in the lowest byte.
  const lengths = [0x0a0d, 0x1a0a, 0x0d1a, 0x0a0d0a, 0x011a];
  for (const n of lengths) assert.ok(hasTextModeByte(n));
  const input = Buffer.concat(lengths.flatMap((n, i) => {
    const body = helloOfLength(`in-${i}`, n);
    return [header(body.length), body];
  }));
  const { code, frames, leftover } = await session(input);
  assert.equal(code, 0, 'the host exits 0 at the end of its input');
  assert.equal(leftover, 0, 'no partial frame after the last reply');
  assert.deepEqual(frames.map((f) => JSON.parse(f.body)).map((r) => [r.type, r.id]),
    lengths.map((_, i) => ['hello', `in-${i}`]));
});

test('replies whose length bytes are 0x0A, 0x0D and 0x1A reach the browser unchanged', async () => {
  assert.ok(fs.existsSync(HOST), `no host at ${HOST}: build first`);
  // Replies to one and to two one-letter labels give the base length and each control's share;
  // each target is then reached with enough controls and letters.
  const probe = await session(Buffer.concat([pageState('probe', ['a']), pageState('probe', ['a', 'a'])].map(frame)));
  assert.equal(probe.frames.length, 2);
  const base = probe.frames[0].length;
  const perControl = probe.frames[1].length - base;
  const labelsFor = (target) => {
    let extra = target - base;  // letters beyond the first control's one letter, less new controls' shares
    const labels = ['a'];
    while (extra > 0) {
      const room = MAX_LABEL - labels[labels.length - 1].length;
      if (room > 0) {
        const add = Math.min(room, extra);
        labels[labels.length - 1] += 'a'.repeat(add);
        extra -= add;
      } else {
        labels.push('a');
        extra -= perControl;
      }
    }
    return extra === 0 ? labels : null;
  };
  const targets = [0x020a, 0x020d, 0x021a, 0x0a0d, 0x0d0a, 0x1a0a, 0x0a1a].filter((t) => t > base && labelsFor(t));
  assert.ok(targets.length >= 5, `reply base length ${base} leaves too few targets`);
  const messages = targets.map((t, i) => pageState(`out-${i}`, labelsFor(t)));
  const input = Buffer.concat(messages.map(frame));
  const { code, frames, leftover } = await session(input);
  assert.equal(code, 0);
  assert.equal(leftover, 0, 'no stray bytes: a text-mode LF → CR LF would leave some');
  assert.deepEqual(frames.map((f) => f.length), targets, 'each reply has the length aimed at');
  frames.forEach((f, i) => {
    const reply = JSON.parse(f.body);
    assert.equal(reply.type, 'verdict');
    assert.equal(reply.id, `out-${i}`);
    assert.deepEqual(reply.unknown.map((u) => u.label.length), messages[i].controls.map((c) => c.label.length));
  });
});
