// The end of every linkedout-host a node test starts, bounded and certain: a child left running
// keeps the test file's process alive (node waits on its pipes), so one missed or unanswered kill
// is a test file that never exits. A test waits for its host's exit through these, never on
// 'close' alone; a host still running after a generous bound is killed (SIGKILL) and the test
// fails saying so, instead of hanging.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './boundary-cases.js';

export const HOST = process.env.LINKEDOUT_HOST || path.join(ROOT, 'build/native-host/linkedout-host');

// Only there to fail instead of hang: a host exits within a second of SIGTERM or of its input's
// end; a sanitized host, or the Windows one under Wine, on a busy machine takes longer.
export const EXIT_BOUND_MS = 60_000;

/** spawn() for a host; `child.ended` resolves with {code, signal} once it exited and its pipes closed. */
export function spawnHost(program, args, options) {
  const child = spawn(program, args, options);
  child.ended = new Promise((resolve, reject) => {
    child.once('error', reject);  // could not start it: no 'close' to wait for
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  child.ended.catch(() => {});  // a start failure is reported by whoever awaits exited()
  return child;
}

/**
 * Resolves with the host's {code, signal} once it has ended; if it is still running `boundMs`
 * after the call, kills it (SIGKILL), waits for that, and rejects naming the host and `waitingFor`.
 */
export async function exited(child, waitingFor, boundMs = EXIT_BOUND_MS) {
  let timer;
  const bound = new Promise((resolve) => { timer = setTimeout(() => resolve('over'), boundMs); });
  const first = await Promise.race([child.ended, bound]).finally(() => clearTimeout(timer));
  if (first !== 'over') return first;
  child.kill('SIGKILL');
  // Its own exit, then our ends of its pipes closed: 'close' would also wait for anything it
  // started that holds them (a wrapper script's host, Wine's processes).
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
  throw new Error(`linkedout-host (pid ${child.pid}) was still running ${boundMs / 1000} s after ${waitingFor}: killed it (SIGKILL)`);
}

/** Ends a host as a browser does (SIGTERM) unless it has ended already; resolves with its {code, signal}. */
export async function stopHost(child) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return exited(child, 'SIGTERM');
}

/** One native-messaging request frame: the 4-byte length in native byte order (little-endian where the tests run), then the JSON. */
export function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length);
  return Buffer.concat([header, body]);
}

/**
 * Calls `onBody(text, length)` for each native-messaging frame the host writes to `stream`, in
 * order (`length`: the body's bytes, as its header gave them). Returns `leftover()`: the bytes read
 * after the last whole frame, which a well-behaved host leaves at 0 once its output has ended.
 */
export function onFrames(stream, onBody) {
  let buffer = Buffer.alloc(0);
  stream.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
      const n = buffer.readUInt32LE(0);
      onBody(buffer.subarray(4, 4 + n).toString('utf8'), n);
      buffer = buffer.subarray(4 + n);
    }
  });
  return { leftover: () => buffer.length };
}
