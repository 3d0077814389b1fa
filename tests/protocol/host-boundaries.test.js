// The built host judges the schema's boundary requests (tests/protocol/boundary-cases.js) as the
// schema does: at the limit it is not refused for that field, one over it is `bad_field` naming
// the field. One host process, one session, a throw-away data directory.
//   node --test tests/protocol/        (needs build/native-host/linkedout-host; LINKEDOUT_HOST overrides)
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boundaryCases } from './boundary-cases.js';
import { HOST, exited, frame, onFrames, spawnHost } from './host-process.js';

const FORM_COMPLAINT = /at most|must be a |language tag|region code|well-formed/;

/** Sends every message in one session; resolves with the replies in order. */
async function session(messages) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-boundaries-'));
  const env = { ...process.env, LINKEDOUT_DATA_DIR: path.join(scratch, 'data'), XDG_STATE_HOME: path.join(scratch, 'state'), LINKEDOUT_LOG: 'warn' };
  const child = spawnHost(HOST, [], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = [];
  onFrames(child.stdout, (body) => replies.push(JSON.parse(body)));
  child.stdin.end(Buffer.concat(messages.map(frame)));
  try {
    const { code } = await exited(child, 'its input ended');
    if (code !== 0) throw new Error(`host exited with status ${code}`);
    return replies;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

test('the built host judges the schema\'s boundary requests as the schema does', async () => {
  assert.ok(fs.existsSync(HOST), `no host binary at ${HOST}: build first (scripts/setup --no-register)`);
  const cases = boundaryCases();
  const replies = await session(cases.map((c) => c.message));
  assert.equal(replies.length, cases.length);
  cases.forEach(({ name, valid, field }, i) => {
    const reply = replies[i];
    const refused = reply.type === 'error' && reply.code === 'bad_field' && reply.field === field;
    const shown = `${name}: ${JSON.stringify(reply).slice(0, 200)}`;
    if (!valid) {
      assert.ok(refused, shown);
    } else {
      // A value within the limits may still be refused for what it names (a region or step the
      // ruleset does not know), never for its length or form.
      assert.ok(!(refused && FORM_COMPLAINT.test(reply.message)), shown);
    }
  });
});
