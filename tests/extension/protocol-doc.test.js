// Every ```json example block of docs/protocol.md: host replies must pass the validators, and each
// request must be what the builders produce from the same fields.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, loadInContext, plain, isReplyExample } from './helpers.js';

const { LinkedOutProtocol: P } = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js']);
const doc = fs.readFileSync(path.join(ROOT, 'docs/protocol.md'), 'utf8');
const examples = Array.from(doc.matchAll(/```json example\n([\s\S]*?)```/g), (m) => JSON.parse(m[1]));

const isReply = isReplyExample;

function rebuild(msg) {
  switch (msg.type) {
    case 'hello': return P.buildHello(msg.id, msg.extension_version);
    case 'page_state': return P.buildPageState(msg.id, msg);
    case 'walkthrough': return P.buildWalkthrough(msg.id, msg.action, msg.step);
    case 'recheck': return P.buildRecheck(msg.id, msg.action);
    case 'config': return P.buildConfig(msg.id, msg.region);
    case 'status': return P.buildStatus(msg.id, msg);
    case 'report': return P.buildReport(msg.id, msg.format);
    case 'import_history': return P.buildImportHistory(msg.id, msg.state);
    default: throw new Error(`no builder for ${msg.type}`);
  }
}

test('the protocol doc has an example of every request and reply type of the schema', () => {
  assert.ok(examples.length >= 8, `found ${examples.length} examples`);
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/protocol.schema.json'), 'utf8'));
  const requests = new Set(examples.filter((m) => !isReply(m)).map((m) => m.type));
  const replies = new Set(examples.filter(isReply).map((m) => m.type));
  for (const type of schema.$defs.request.properties.type.enum) assert.ok(requests.has(type), `a request example of ${type}`);
  for (const type of schema.$defs.reply.properties.type.enum) assert.ok(replies.has(type), `a reply example of ${type}`);
});

for (const [index, example] of examples.entries()) {
  const name = `example ${index + 1} (${example.type}${isReply(example) ? ' reply' : ' request'})`;
  if (isReply(example)) {
    test(`${name} passes the reply validator`, () => {
      assert.equal(P.validateReply(example), example);
    });
  } else {
    test(`${name} is exactly what the builder makes`, () => {
      // The builders make the type's fields; the connection adds the envelope's ui_lang.
      const { ui_lang: uiLang, ...fields } = example;
      assert.deepEqual(plain(rebuild(example)), fields);
      assert.deepEqual(plain(P.validateRequest(example)), example);
    });
  }
}

test('a protocol version other than the doc\'s is visible to the extension', () => {
  assert.match(doc, new RegExp(`Protocol version: \\*\\*${P.PROTOCOL_VERSION}\\*\\*`));
});

test('the limits in the doc are the limits in lib/protocol.js', () => {
  assert.match(doc, new RegExp(`MAX_INCOMING = ${P.LIMITS.maxMessageBytes}`));
  assert.match(doc, new RegExp(`\`controls\` \\| array \\| ≤ ${P.LIMITS.maxControls} items`));
  assert.match(doc, new RegExp(`≤ ${P.LIMITS.maxKeyChars} chars`));
  assert.match(doc, new RegExp(`≤ ${P.LIMITS.maxLabelChars} chars`));
  assert.match(doc, new RegExp(`≤ ${P.LIMITS.maxUrlChars} chars`));
  for (const code of P.ERROR_CODES) assert.match(doc, new RegExp(`\\| \`${code}\` \\|`), `error code ${code} documented`);
});

test('malformed replies are rejected with the field named', () => {
  const verdict = examples.find((m) => m.type === 'verdict');
  const broken = [
    [{ ...verdict, highlight: [{ ...verdict.highlight[0], action: 'toggle' }] }, 'highlight[0].action'],
    [{ ...verdict, ok: [1] }, 'ok[0]'],
    [{ ...verdict, progress: { done: -1, total: 1, remaining: 1 } }, 'progress.done'],
    [{ ...verdict, next: { step: 'x' } }, 'next.url'],
    [{ ...verdict, unknown: [{ key: 'k', label: 'l', why: 'because', control: 0 }] }, 'unknown[0].why'],
    [{ ...verdict, id: 'x'.repeat(65) }, 'id'],
    [{ type: 'hello', id: 1, host_version: '1', protocol: '1', ruleset: { name: 'n', version: 'v', count: 1 } }, 'protocol'],
    [{ type: 'nonsense' }, 'type'],
    [[], 'message'],
  ];
  for (const [msg, field] of broken) {
    const result = P.check(P.validateReply, msg);
    assert.equal(result.ok, false, JSON.stringify(msg).slice(0, 80));
    assert.equal(result.field, field);
  }
});

test('requests are refused before they reach the host when they break the doc\'s limits', () => {
  const page = { url: 'https://www.linkedin.com/mypreferences/d/settings/x', lang: 'en', controls: [] };
  const bad = [
    [{ ...page, url: 'https://www.linkedin.com/feed/' }, 'url'],
    [{ ...page, url: 'http://www.linkedin.com/mypreferences/x' }, 'url'],
    [{ ...page, url: 'https://evil.example/mypreferences/' }, 'url'],
    [{ ...page, url: 'https://www.linkedin.com.evil.example/mypreferences/' }, 'url'],
    [{ ...page, url: `https://www.linkedin.com/mypreferences/${'a'.repeat(2048)}` }, 'url'],
    [{ ...page, lang: 'en US' }, 'lang'],
    [{ ...page, controls: Array(501).fill({ key: 'k', label: 'l', checked: true }) }, 'controls'],
    [{ ...page, controls: [{ key: 'k'.repeat(257), label: 'l', checked: true }] }, 'controls[0].key'],
    [{ ...page, controls: [{ key: 'k', label: 'l'.repeat(1025), checked: true }] }, 'controls[0].label'],
    [{ ...page, controls: [{ key: 'k', label: 'l', checked: 'yes' }] }, 'controls[0].checked'],
    [{ ...page, controls: [{ key: 1, label: 'l', checked: true }] }, 'controls[0].key'],
    [{ ...page, controls: [{ key: 'k', label: 'l', checked: true, extra: 1 }] }, 'controls[0].extra'],
  ];
  for (const [p, field] of bad) {
    assert.throws(() => P.validateRequest({ type: 'page_state', id: 1, ...p }),
      (err) => err.name === 'ValidationError' && err.field === field, field);
  }
  assert.throws(() => P.buildWalkthrough(1, 'mark_done'), (err) => err.field === 'step');
  assert.throws(() => P.buildWalkthrough(1, 'jump'), (err) => err.field === 'action');
  assert.throws(() => P.buildReport(1, 'pdf'), (err) => err.field === 'format');
});

test('the hello reply example speaks the protocol version the doc names', () => {
  const hello = examples.find((m) => m.type === 'hello' && 'host_version' in m);
  assert.equal(hello.protocol, P.PROTOCOL_VERSION);
});

test('a page_state control may say disabled (true or false, nothing else)', () => {
  const page = { url: 'https://www.linkedin.com/mypreferences/d/settings/x', lang: 'en' };
  const built = P.buildPageState(1, { ...page, controls: [{ key: 'k', label: 'l', checked: true, disabled: true }] });
  assert.equal(built.controls[0].disabled, true);
  assert.throws(() => P.buildPageState(1, { ...page, controls: [{ key: 'k', label: 'l', checked: true, disabled: 'yes' }] }),
    (err) => err.name === 'ValidationError' && err.field === 'controls[0].disabled');
});
