// The content script reads On/Off text and Yes/No choices by the ruleset's state_words (and
// off_answer): its generated copy in scan.js must be the ruleset's (scripts/gen-scan-words).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const ruleset = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));
const scanSource = fs.readFileSync(path.join(ROOT, 'extension/content/scan.js'), 'utf8');

test('scan.js holds the ruleset\'s state words and off answers', () => {
  const words = JSON.parse(scanSource.match(/const STATE_WORDS = (.*);\n/)[1]);
  const { on, off, on_values: onValues, off_values: offValues } = ruleset.state_words;
  assert.deepEqual(words, { on, off, on_values: onValues, off_values: offValues });
  const yesPaths = JSON.parse(scanSource.match(/const OFF_ANSWER_YES_PATHS = (.*);\n/)[1]);
  assert.deepEqual(yesPaths, ruleset.settings.filter((s) => s.off_answer === 'yes').map((s) => s.path));
});

test('scripts/gen-scan-words --check agrees', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/gen-scan-words'), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('every language of the ruleset has its On and Off words, none meaning both', () => {
  for (const lang of ['en', 'de', 'fr', 'es', 'nl', 'it']) {
    const on = ruleset.state_words.on[lang].map((w) => w.toLowerCase());
    const off = ruleset.state_words.off[lang].map((w) => w.toLowerCase());
    assert.ok(on.length && off.length, lang);
    assert.deepEqual(on.filter((w) => off.includes(w)), [], lang);
  }
});
