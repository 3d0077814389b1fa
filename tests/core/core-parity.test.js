// Same answers from both homes of the core (issue 24): every scenario of the parity corpus runs
// through the built native host (one process per session, a throw-away data directory) and
// through the WebAssembly core as the extension loads it (extension/core/, opened with the state
// text the previous session left), at the same second, and must give identical reply bodies and
// identical state text.
//   node --test tests/core/core-parity.test.js   (needs build/ and scripts/build-wasm;
//   LINKEDOUT_HOST and LINKEDOUT_CORE override the binary and the core's script)
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOST, exited, frame, onFrames, spawnHost } from '../protocol/host-process.js';
import { parityScenarios } from './parity-corpus.js';
import { loadCore } from './core-loader.js';
import { loadInContext } from '../extension/helpers.js';

process.env.TZ = 'UTC';  // both homes format the report's local times in the same zone
// The extension checks the helper's replies against the schema but not the core's (a wake would
// compile the validators, docs/performance.md §8): so here every reply of the core must pass them.
const P = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js']).LinkedOutProtocol;

/** One host process over `dataDir`: the reply bodies as text, in order. */
async function hostSession(dataDir, messages) {
  const env = { ...process.env, LINKEDOUT_DATA_DIR: dataDir, XDG_STATE_HOME: path.join(dataDir, '..', 'log'), LINKEDOUT_LOG: 'warn', TZ: 'UTC' };
  const child = spawnHost(HOST, [], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = [];
  onFrames(child.stdout, (body) => replies.push(body));
  child.stdin.end(Buffer.concat(messages.map(frame)));
  const { code } = await exited(child, 'its input ended');
  if (code !== 0) throw new Error(`host exited with status ${code}`);
  return replies;
}

const second = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The host's session within one clock second (its clock is the wall clock): [replies, now]. */
async function hostSessionInOneSecond(dataDir, messages) {
  for (let attempt = 0; ; attempt++) {
    const before = fs.existsSync(path.join(dataDir, 'state.json')) ? fs.readFileSync(path.join(dataDir, 'state.json')) : null;
    const start = second();
    const replies = await hostSession(dataDir, messages);
    if (second() === start || attempt === 5) return [replies, start];
    // The second turned over mid-session: put the state back and run it again.
    if (before === null) fs.rmSync(path.join(dataDir, 'state.json'), { force: true });
    else fs.writeFileSync(path.join(dataDir, 'state.json'), before);
  }
}

test('the host and the WebAssembly core give identical replies and state for the whole corpus', async (t) => {
  assert.ok(fs.existsSync(HOST), `no host binary at ${HOST}: build first (scripts/setup --no-register)`);
  const core = await loadCore();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-parity-'));
  t.after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  let compared = 0;
  for (const [index, scenario] of parityScenarios().entries()) {
    const dataDir = path.join(scratch, `s${index}`, 'data');
    let coreState = '';
    for (const [phase, messages] of scenario.sessions.entries()) {
      const [hostReplies, now] = await hostSessionInOneSecond(dataDir, messages);
      assert.ok(core.open(coreState), `${scenario.name}: the core refused the state the previous session left`);
      const coreReplies = messages.map((m) => core.handle(JSON.stringify(m), now).reply);
      coreState = core.state();
      assert.equal(coreReplies.length, hostReplies.length);
      messages.forEach((message, i) => {
        assert.equal(coreReplies[i], hostReplies[i],
          `${scenario.name}, session ${phase + 1}, ${JSON.stringify(message).slice(0, 120)}`);
        const checked = P.check(P.validateReply, JSON.parse(coreReplies[i]));
        assert.ok(checked.ok, `${scenario.name}, session ${phase + 1}: the reply fails the schema: ${checked.message}`);
      });
      const hostFile = path.join(dataDir, 'state.json');
      const hostState = fs.existsSync(hostFile) ? fs.readFileSync(hostFile, 'utf8') : '';
      assert.equal(coreState, hostState, `${scenario.name}, session ${phase + 1}: the state text`);
      compared += messages.length;
    }
  }
  assert.ok(compared > 300, `compared ${compared} replies`);
});
