import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { objectinformatieobjectenUrl, registerRelation, RelationError, removeRelation, type RelationSender } from '../../../src/platform/references/relations.ts';
import type { SendResult } from '../../../src/platform/references/resolver.ts';

/** A sender that answers `answer` and remembers what it was asked. */
function sender(answer: SendResult) {
  const sent: unknown[][] = [];
  const fake: RelationSender = { send: async (...args) => (sent.push(args), answer) };
  return { fake, sent };
}

describe('writing a relation in another API', () => {
  it('registers with a POST and answers the URL of what the other API made', async () => {
    const { fake, sent } = sender({ status: 201, body: { url: 'https://drc.example/oio/1' }, local: true });
    assert.equal(await registerRelation(fake, 'https://drc.example/objectinformatieobjecten', { object: 'z' }, 'https://zrc.example/zaken/api/v1', 'Het OIO'), 'https://drc.example/oio/1');
    assert.deepEqual(sent, [['POST', 'https://drc.example/objectinformatieobjecten', { object: 'z' }, { apiRoot: 'https://zrc.example/zaken/api/v1' }]]);
  });

  it('refuses with the reason the other API gave, or why it gave none', async () => {
    await assert.rejects(registerRelation(sender({ status: 400, body: { detail: 'Bestaat al.' }, local: false }).fake, 'https://x.example/a', {}, '', 'Het OIO'), (e: Error) => e instanceof RelationError && /antwoord 400 \(Bestaat al\.\)/.test(e.message));
    await assert.rejects(registerRelation(sender({ status: 201, body: {}, local: false }).fake, 'https://x.example/a', {}, '', 'Het OIO'), RelationError);
    await assert.rejects(removeRelation(sender({ error: 'die is niet bereikbaar' }).fake, 'https://x.example/a/1', '', 'Het OIO'), /niet bereikbaar/);
  });

  it('counts a relation that is gone already as removed', async () => {
    await removeRelation(sender({ status: 404, body: undefined, local: true }).fake, 'https://x.example/a/1', '', 'Het OIO');
    await removeRelation(sender({ status: 204, body: undefined, local: true }).fake, 'https://x.example/a/1', '', 'Het OIO');
  });

  it('finds the objectinformatieobjecten of the Documenten API a document lives in', () => {
    assert.equal(objectinformatieobjectenUrl('https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/1'), 'https://drc.example/documenten/api/v1/objectinformatieobjecten');
    assert.throws(() => objectinformatieobjectenUrl('https://drc.example/documenten/api/v1/besluiten/1'), RelationError);
  });
});
