/**
 * Worked examples for the contract content hash and Grant hash (FSC Core develop: JCS, RFC
 * 8785, with SHA3-512). The expected canonical strings are written out by hand, and the
 * expected hashes were computed independently (Python's hashlib.sha3_512 over the same bytes),
 * so this module is checked against the definition, not against itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize, contentHash, grantHash, parseHash, UnknownHashAlgorithmError } from '../../src/fsc/hash.ts';

// The example Contract of FSC Core's "Contracts" section, with keys in the spec's order.
const specExample = {
  iv: '06338364-8305-7b74-8000-de4963503139',
  group_id: 'fsc-example-group',
  validity: { not_before: 1672527600, not_after: 1704063600 },
  grants: [
    {
      data: {
        type: 'GRANT_TYPE_SERVICE_CONNECTION',
        service: { peer_id: '00000000000000000001', name: 'example-service' },
        outway: { peer_id: '00000000000000000002', public_key_thumbprint: '3a56f2e9269ac63f0d4394c46b96539da1625b6a985d38029ff89f34e490960c' },
      },
    },
  ],
  hash_algorithm: 'HASH_ALGORITHM_SHA3_512',
  created_at: 1672527600,
};

test('JCS: the canonical form of the spec example sorts keys at every level and drops whitespace', () => {
  assert.equal(
    canonicalize(specExample),
    '{"created_at":1672527600,"grants":[{"data":{"outway":{"peer_id":"00000000000000000002","public_key_thumbprint":"3a56f2e9269ac63f0d4394c46b96539da1625b6a985d38029ff89f34e490960c"},"service":{"name":"example-service","peer_id":"00000000000000000001"},"type":"GRANT_TYPE_SERVICE_CONNECTION"}}],"group_id":"fsc-example-group","hash_algorithm":"HASH_ALGORITHM_SHA3_512","iv":"06338364-8305-7b74-8000-de4963503139","validity":{"not_after":1704063600,"not_before":1672527600}}',
  );
});

test('JCS: the sample of RFC 8785 section 3.2.2 (numbers, literals, escapes)', () => {
  const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
  assert.equal(canonicalize(input), '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
});

test('JCS: keys sort by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
  const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
  const order = [...canonicalize(input).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(order, ['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh']);
});

test('content hash and ServiceConnectionGrant hash of the spec example', () => {
  const hash = contentHash(specExample);
  assert.equal(hash, '$1$1$gr4AbR4NEwMRLqeqCB_cXQL1JX2-lHBJ45AUL_9d8NDoL6FrzPa_zeRCpeWqF4s24gV4xK7qPtv4B1mI3HESzw');
  assert.equal(grantHash(specExample, 0), '$1$3$s1jAyWmruw1kMdV0wLHOWLbAu73NAk5o4RaEyFsha466ez1Cx05eQj_IG8gxGwEyAnnpSPbPC0CsMczmnQDTKQ');
});

test('key order of the received JSON does not change the hash', () => {
  const reordered = JSON.parse(JSON.stringify({ created_at: specExample.created_at, hash_algorithm: specExample.hash_algorithm, grants: specExample.grants, validity: { not_after: 1704063600, not_before: 1672527600 }, group_id: specExample.group_id, iv: specExample.iv }));
  assert.equal(contentHash(reordered), contentHash(specExample));
});

test('DelegatedServicePublicationGrant with properties (non-ASCII text, a fraction, literals)', () => {
  const content = {
    iv: '019386a1-7c2e-7000-8000-000000000001',
    group_id: 'opengrond-oefen',
    validity: { not_before: 1735689600, not_after: 1767225600 },
    grants: [
      {
        data: {
          type: 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION',
          directory: { peer_id: '00000001000000000001' },
          service: { peer_id: '00000001000000000002', name: 'zaken', protocol: 'PROTOCOL_TCP_HTTP_1.1' },
          delegator: { peer_id: '00000001001234567000' },
          properties: { omschrijving: 'Zaken API – gemeente Dè Stad', versie: 1.5, z: [true, null] },
        },
      },
    ],
    hash_algorithm: 'HASH_ALGORITHM_SHA3_512',
    created_at: 1735689600,
  };
  const hash = contentHash(content);
  assert.equal(hash, '$1$1$OX1SgsRLaN6DSw1rsJaIe99Zx3d7tiu0HO7ZG7PBHOaB1bRT8Va6YXIT_yCH2M0_iiK5inw1yWRX6YNaB6VaBA');
  assert.equal(grantHash(content, 0), '$1$5$o4jUAtLJ4FN-h4xZimjPkJxVBNPfvKIYlA18nBrSYLLP3YJ3MRdNAC3Zgmeh6vgqTajOsYmGQxGKOxs7WAZDgw');
});

test('a different iv gives a different grant hash for the same grant', () => {
  const other = { ...specExample, iv: '06338364-8305-7b74-8000-de4963503140' };
  assert.notEqual(grantHash(other, 0), grantHash(specExample, 0));
});

test('parseHash: form, type and algorithm', () => {
  assert.deepEqual(parseHash('$1$3$abc_-9'), { algorithm: 'HASH_ALGORITHM_SHA3_512', hashType: 3, value: 'abc_-9' });
  assert.equal(parseHash('not-a-hash'), undefined);
  assert.equal(parseHash('$1$9$abc'), undefined);
  assert.equal(parseHash('$1$3$abc/+'), undefined, 'base64url only');
  assert.throws(() => parseHash('$7$1$abc'), UnknownHashAlgorithmError);
  assert.throws(() => contentHash({ ...specExample, hash_algorithm: 'HASH_ALGORITHM_MD5' }), UnknownHashAlgorithmError);
});
