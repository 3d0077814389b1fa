#!/usr/bin/env node
// Regenerates the seed corpus from the examples in docs/protocol.md (blocks marked
// ```json example), plus a few hand-picked edge cases per target:
//   fuzz/corpus/message/  one JSON body per file (fuzz_message)
//   fuzz/corpus/framing/  a control byte, then a framed byte stream (fuzz_framing)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const doc = readFileSync(join(root, 'docs/protocol.md'), 'utf8');
const examples = [...doc.matchAll(/```json example\n([\s\S]*?)```/g)].map((m) => m[1].trim());
if (examples.length === 0) throw new Error('no ```json example blocks in docs/protocol.md');

const messages = [
  ...examples,
  '{"type":"walkthrough","id":"w","action":"status"}',
  '{"type":"walkthrough","id":"r","action":"reset"}',
  '{"type":"walkthrough","id":9,"action":"mark_done","step":"objection-form"}',
  '{"type":"config","id":4,"region":null}',
  '{"type":"config","id":4}',
  '{"type":"report","id":5,"format":"md"}',
  '{"type":"report","id":5,"format":"json"}',
  '{"type":"page_state","id":6,"url":"https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin?x=1#y","lang":"de-DE","controls":[{"key":null,"label":"Werbung au\\u00dferhalb von LinkedIn","checked":true},{"key":"x","label":"y","checked":null}]}',
  '{"type":"page_state","id":7,"url":"https://evil.example/mypreferences/","lang":"en","controls":[]}',
  '{"type":"hello","id":"a","id":"b"}',
  '[1,2,3]',
  '',
];

function frame(body) {
  const bytes = Buffer.from(body, 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(bytes.length);
  return Buffer.concat([header, bytes]);
}

const corpus = join(root, 'fuzz/corpus');
for (const sub of ['message', 'framing']) {
  rmSync(join(corpus, sub), { recursive: true, force: true });
  mkdirSync(join(corpus, sub), { recursive: true });
}
messages.forEach((m, i) => {
  const name = String(i).padStart(2, '0');
  writeFileSync(join(corpus, 'message', `${name}.json`), m);
  // Control byte: read size (low nibble) varies; the full 1 MiB limit (high bit clear).
  writeFileSync(join(corpus, 'framing', `${name}.bin`), Buffer.concat([Buffer.from([i & 0x0f]), frame(m)]));
});
// A whole session in one stream, a truncated frame, a header over a small limit.
writeFileSync(join(corpus, 'framing', 'session.bin'), Buffer.concat([Buffer.from([0x03]), ...messages.map(frame)]));
writeFileSync(join(corpus, 'framing', 'truncated.bin'), Buffer.concat([Buffer.from([0x00]), frame(examples[0]).subarray(0, 9)]));
writeFileSync(join(corpus, 'framing', 'over-limit.bin'), Buffer.concat([Buffer.from([0xa1]), frame('{"type":"hello","padding":"................................"}')]));
writeFileSync(join(corpus, 'framing', 'ffffffff.bin'), Buffer.from([0x00, 0xff, 0xff, 0xff, 0xff, 0x7b, 0x7d]));
console.log(`corpus: ${messages.length} messages (${examples.length} from docs/protocol.md)`);
