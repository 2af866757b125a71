import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareOpenApi, loadOpenApi, type OpenApiDifference } from '../../../src/platform/openapi/compare.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const shared = path.resolve(repoRoot, '..', 'shared');
const autorisatiesFile = path.join(shared, 'standards', 'zgw', 'autorisaties-1.0.0.yaml');

type J = Record<string, any>;

/** A small but complete OpenAPI 3.0 document; `mutate` edits a deep copy. */
function base(): J {
  return {
    openapi: '3.0.3',
    info: { title: 'Test', version: '1.0.0' },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/dingen': {
        get: {
          operationId: 'ding_list',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'dicht'] } },
            { name: 'page', in: 'query', schema: { type: 'integer' } },
          ],
          responses: {
            '200': {
              description: 'OK',
              headers: { 'API-version': { schema: { type: 'string' } } },
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Ding' } },
                },
              },
            },
            '400': { description: 'Bad request' },
          },
        },
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Ding' } } },
          },
          responses: {
            '201': {
              description: 'Created',
              headers: { 'API-version': { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Ding' } } },
            },
          },
        },
      },
      '/dingen/{uuid}': {
        parameters: [{ name: 'uuid', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: {
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Ding' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Ding: {
          type: 'object',
          required: ['naam'],
          properties: {
            url: { type: 'string', format: 'uri', readOnly: true },
            naam: { type: 'string', maxLength: 20 },
            omschrijving: { type: 'string', nullable: true },
            adres: {
              type: 'object',
              properties: {
                straat: { type: 'string' },
                huisnummer: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  };
}

function mutated(fn: (d: J) => void): J {
  const d = structuredClone(base());
  fn(d);
  return d;
}

function only(diffs: OpenApiDifference[]): OpenApiDifference {
  assert.equal(diffs.length, 1, `expected exactly one difference, got ${JSON.stringify(diffs, null, 2)}`);
  return diffs[0]!;
}

describe('compareOpenApi', () => {
  it('finds nothing between identical documents', () => {
    assert.deepEqual(compareOpenApi(base(), base()), []);
  });

  it('ignores descriptions, titles, examples, lengths, operationId, tags, servers and 4xx responses', () => {
    const ours = mutated((d) => {
      d.servers = [{ url: 'https://example.nl/autorisaties/api/v1' }];
      d.paths['/dingen'].get.operationId = 'other';
      d.paths['/dingen'].get.tags = ['x'];
      d.paths['/dingen'].get.description = 'anders';
      delete d.paths['/dingen'].get.responses['400'];
      d.paths['/dingen'].get.responses['404'] = { description: 'Not found' };
      d.components.schemas.Ding.properties.naam = { type: 'string', title: 'Naam', maxLength: 99, example: 'x' };
      d.components.schemas.Ding.description = 'iets';
    });
    assert.deepEqual(compareOpenApi(base(), ours), []);
  });

  it('reports a missing path', () => {
    const ours = mutated((d) => delete d.paths['/dingen/{uuid}']);
    assert.deepEqual(only(compareOpenApi(base(), ours)), {
      location: '/dingen/{uuid}',
      kind: 'missing',
      detail: 'path in official, not in ours',
    });
  });

  it('keeps path parameter names exact', () => {
    const ours = mutated((d) => {
      d.paths['/dingen/{id}'] = d.paths['/dingen/{uuid}'];
      delete d.paths['/dingen/{uuid}'];
      d.paths['/dingen/{id}'].parameters[0].name = 'id';
    });
    const diffs = compareOpenApi(base(), ours);
    assert.deepEqual(
      diffs.map((d) => [d.location, d.kind]),
      [
        ['/dingen/{uuid}', 'missing'],
        ['/dingen/{id}', 'extra'],
      ],
    );
  });

  it('reports an extra operation', () => {
    const ours = mutated((d) => {
      d.paths['/dingen/{uuid}'].delete = { responses: { '204': { description: 'No content' } } };
    });
    assert.deepEqual(only(compareOpenApi(base(), ours)), {
      location: 'DELETE /dingen/{uuid}',
      kind: 'extra',
      detail: 'operation in ours, not in official',
    });
  });

  it('compares parameter enums as sets', () => {
    const reordered = mutated((d) => (d.paths['/dingen'].get.parameters[0].schema.enum = ['dicht', 'open']));
    assert.deepEqual(compareOpenApi(base(), reordered), []);

    const ours = mutated((d) => d.paths['/dingen'].get.parameters[0].schema.enum.push('half'));
    const diff = only(compareOpenApi(base(), ours));
    assert.equal(diff.location, 'GET /dingen query status');
    assert.equal(diff.kind, 'mismatch');
    assert.match(diff.detail, /^enum: official dicht|open, ours dicht|half|open$/);
  });

  it('compares parameter presence, required, type, format and array items', () => {
    const ours = mutated((d) => {
      const ps = d.paths['/dingen'].get.parameters;
      ps[1].schema.type = 'string';
      ps.push({ name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'string' } } });
      d.paths['/dingen/{uuid}'].parameters[0].schema.format = 'uri';
      d.paths['/dingen/{uuid}'].get.parameters = [{ name: 'Accept-Crs', in: 'header', required: true, schema: { type: 'string' } }];
    });
    const official = mutated((d) => {
      d.paths['/dingen'].get.parameters.push({ name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } } });
      d.paths['/dingen/{uuid}'].get.parameters = [{ name: 'accept-crs', in: 'header', schema: { type: 'string' } }];
    });
    assert.deepEqual(
      compareOpenApi(official, ours).map((d) => `${d.location} | ${d.kind} | ${d.detail}`),
      [
        'GET /dingen query page | mismatch | type: official integer, ours string',
        'GET /dingen query ids[] | mismatch | type: official integer, ours string',
        'GET /dingen/{uuid} path uuid | mismatch | format: official uuid, ours uri',
        'GET /dingen/{uuid} header accept-crs | mismatch | required: official false, ours true',
      ],
    );
  });

  it('reports a nested request property that is missing', () => {
    const ours = mutated((d) => {
      // ours inlines the request schema and lacks adres.huisnummer
      const ding = structuredClone(d.components.schemas.Ding);
      delete ding.properties.adres.properties.huisnummer;
      d.paths['/dingen'].post.requestBody.content['application/json'].schema = ding;
    });
    assert.deepEqual(only(compareOpenApi(base(), ours)), {
      location: 'POST /dingen request body .adres.huisnummer',
      kind: 'missing',
      detail: 'property in official, not in ours',
    });
  });

  it('reports a required mismatch at the property', () => {
    const ours = mutated((d) => d.components.schemas.Ding.required.push('url'));
    const diffs = compareOpenApi(base(), ours);
    assert.ok(diffs.length > 0);
    for (const d of diffs) {
      assert.match(d.location, / \.url$|\[\]\.url$/);
      assert.equal(d.kind, 'mismatch');
      assert.equal(d.detail, 'required: official false, ours true');
    }
    assert.ok(diffs.some((d) => d.location === 'POST /dingen request body .url'));
    assert.ok(diffs.some((d) => d.location === 'GET /dingen 200 [].url'));
    assert.ok(diffs.some((d) => d.location === 'GET /dingen/{uuid} 200 .url'));
  });

  it('reports a nullable mismatch', () => {
    const ours = mutated((d) => delete d.components.schemas.Ding.properties.omschrijving.nullable);
    const diffs = compareOpenApi(base(), ours);
    assert.ok(diffs.some((x) => x.location === 'GET /dingen/{uuid} 200 .omschrijving' && x.detail === 'nullable: official true, ours false'));
    assert.ok(diffs.every((x) => x.detail === 'nullable: official true, ours false'));
  });

  it('compares 2xx/3xx status codes, response headers (case-insensitively) and media types', () => {
    const ours = mutated((d) => {
      const post = d.paths['/dingen'].post;
      post.responses['200'] = post.responses['201'];
      delete post.responses['201'];
      const get = d.paths['/dingen'].get.responses['200'];
      get.headers = { 'api-version': get.headers['API-version'], 'X-Extra': { schema: { type: 'string' } } };
      get.content['application/xml'] = { schema: { type: 'string' } };
    });
    assert.deepEqual(
      compareOpenApi(base(), ours).map((d) => `${d.location} | ${d.kind}`),
      ['GET /dingen 200 header X-Extra | extra', 'GET /dingen 200 [application/xml] | extra', 'POST /dingen 201 | missing', 'POST /dingen 200 | extra'],
    );
  });

  it('resolves $refs to schemas, parameters, requestBodies and responses', () => {
    const official = mutated((d) => {
      d.components.parameters = { Status: d.paths['/dingen'].get.parameters[0] };
      d.paths['/dingen'].get.parameters[0] = { $ref: '#/components/parameters/Status' };
      d.components.requestBodies = { Ding: d.paths['/dingen'].post.requestBody };
      d.paths['/dingen'].post.requestBody = { $ref: '#/components/requestBodies/Ding' };
      d.components.responses = { Ding: d.paths['/dingen/{uuid}'].get.responses['200'] };
      d.paths['/dingen/{uuid}'].get.responses['200'] = { $ref: '#/components/responses/Ding' };
      d.components.schemas.Adres = d.components.schemas.Ding.properties.adres;
      d.components.schemas.Ding.properties.adres = { $ref: '#/components/schemas/Adres' };
    });
    // ours: everything inline, no components at all
    const ours = mutated((d) => {
      const inline = (): J => structuredClone(d.components.schemas.Ding);
      d.paths['/dingen'].get.responses['200'].content['application/json'].schema.items = inline();
      d.paths['/dingen'].post.requestBody.content['application/json'].schema = inline();
      d.paths['/dingen'].post.responses['201'].content['application/json'].schema = inline();
      d.paths['/dingen/{uuid}'].get.responses['200'].content['application/json'].schema = inline();
      delete d.components;
    });
    assert.deepEqual(compareOpenApi(official, ours), []);

    // and a difference behind the refs is still found
    const ours2 = structuredClone(ours);
    ours2.paths['/dingen/{uuid}'].get.responses['200'].content['application/json'].schema.properties.adres.properties.straat.type = 'integer';
    assert.deepEqual(only(compareOpenApi(official, ours2)), {
      location: 'GET /dingen/{uuid} 200 .adres.straat',
      kind: 'mismatch',
      detail: 'type: official string, ours integer',
    });
  });

  it('treats allOf + discriminator sub-schemas and one flat object as equivalent', () => {
    // the Autorisaties pattern: a base with a discriminator, sub-schemas extend it via allOf
    const official = mutated((d) => {
      Object.assign(d.components.schemas, {
        Base: {
          type: 'object',
          required: ['component', 'scopes'],
          properties: {
            component: { type: 'string', enum: ['zrc', 'drc', 'ac'] },
            scopes: { type: 'array', items: { type: 'string' } },
          },
          discriminator: { propertyName: 'component' },
        },
        zrcExtra: {
          type: 'object',
          properties: {
            zaaktype: { type: 'string', format: 'uri' },
            maxVertrouwelijkheidaanduiding: { type: 'string', enum: ['openbaar', 'geheim'] },
          },
        },
        zrc: { type: 'object', allOf: [{ $ref: '#/components/schemas/Base' }, { $ref: '#/components/schemas/zrcExtra' }] },
        drc: {
          allOf: [
            { $ref: '#/components/schemas/Base' },
            {
              type: 'object',
              properties: {
                informatieobjecttype: { type: 'string', format: 'uri' },
                maxVertrouwelijkheidaanduiding: { type: 'string', enum: ['openbaar', 'geheim'] },
              },
            },
          ],
        },
        ac: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: {} }] },
      });
      d.components.schemas.Ding.properties.autorisaties = { type: 'array', items: { $ref: '#/components/schemas/Base' } };
    });
    const flat = mutated((d) => {
      d.components.schemas.Ding.properties.autorisaties = {
        type: 'array',
        items: {
          type: 'object',
          required: ['scopes', 'component'],
          properties: {
            component: { type: 'string', enum: ['ac', 'drc', 'zrc'] },
            scopes: { type: 'array', items: { type: 'string' } },
            zaaktype: { type: 'string', format: 'uri' },
            informatieobjecttype: { type: 'string', format: 'uri' },
            maxVertrouwelijkheidaanduiding: { type: 'string', enum: ['geheim', 'openbaar'] },
          },
        },
      };
    });
    assert.deepEqual(compareOpenApi(official, flat), []);
    assert.deepEqual(compareOpenApi(flat, official), []);

    // the same model written as an explicit mapping is also equivalent
    const mapped = structuredClone(official);
    mapped.components.schemas.Base.discriminator.mapping = {
      zrc: '#/components/schemas/zrc',
      drc: '#/components/schemas/drc',
      ac: 'ac',
    };
    assert.deepEqual(compareOpenApi(official, mapped), []);

    // a sub-schema property is not required in the flat model, and a missing one is found
    const wrong = structuredClone(flat);
    const items = wrong.components.schemas.Ding.properties.autorisaties.items;
    items.required.push('zaaktype');
    delete items.properties.informatieobjecttype;
    assert.deepEqual(
      compareOpenApi(official, wrong).map((d) => `${d.location} | ${d.kind} | ${d.detail}`).filter((s) => s.startsWith('POST /dingen request body')),
      [
        'POST /dingen request body .autorisaties[].informatieobjecttype | missing | property in official, not in ours',
        'POST /dingen request body .autorisaties[].zaaktype | mismatch | required: official false, ours true',
      ],
    );
  });

  it('treats oneOf [Enum, BlankEnum, NullEnum] like a nullable string enum including ""', () => {
    const official = mutated((d) => {
      Object.assign(d.components.schemas, {
        StatusEnum: { type: 'string', enum: ['open', 'dicht'] },
        BlankEnum: { enum: [''] },
        NullEnum: { enum: [null] },
      });
      d.components.schemas.Ding.properties.status = {
        oneOf: [
          { $ref: '#/components/schemas/StatusEnum' },
          { $ref: '#/components/schemas/BlankEnum' },
          { $ref: '#/components/schemas/NullEnum' },
        ],
      };
      d.components.schemas.Ding.properties.soort = { allOf: [{ $ref: '#/components/schemas/StatusEnum' }], nullable: true };
    });
    const ours = mutated((d) => {
      d.components.schemas.Ding.properties.status = { type: 'string', enum: ['open', 'dicht', ''], nullable: true };
      d.components.schemas.Ding.properties.soort = { type: 'string', enum: ['open', 'dicht', null], nullable: true };
    });
    assert.deepEqual(compareOpenApi(official, ours), []);
  });

  it('stops at recursive schemas and still compares up to the recursion', () => {
    const withTree = (nameType: string, refName: string) =>
      mutated((d) => {
        d.components.schemas[refName] = {
          type: 'object',
          properties: {
            name: { type: nameType },
            children: { type: 'array', items: { $ref: `#/components/schemas/${refName}` } },
            parent: { allOf: [{ $ref: `#/components/schemas/${refName}` }], nullable: true },
          },
        };
        d.components.schemas.Ding.properties.tree = { $ref: `#/components/schemas/${refName}` };
      });
    assert.deepEqual(compareOpenApi(withTree('string', 'Node'), withTree('string', 'TreeNode')), []);
    const diffs = compareOpenApi(withTree('string', 'Node'), withTree('integer', 'Node'));
    assert.ok(diffs.length > 0);
    assert.ok(diffs.some((d) => d.location === 'POST /dingen request body .tree.name'));
    assert.ok(diffs.every((d) => d.detail === 'type: official string, ours integer'));
  });

  it('applies the ignore option', () => {
    const ours = mutated((d) => delete d.paths['/dingen/{uuid}']);
    assert.deepEqual(compareOpenApi(base(), ours, { ignore: (d) => d.location === '/dingen/{uuid}' }), []);
  });

  it('finds no differences between the official Autorisaties spec and itself', () => {
    const official = loadOpenApi(autorisatiesFile);
    assert.deepEqual(compareOpenApi(official, loadOpenApi(autorisatiesFile)), []);
  });

  it('accepts the official Autorisaties spec with AutorisatieBase modelled as one flat object', () => {
    const official = loadOpenApi(autorisatiesFile) as J;
    const flat = structuredClone(official);
    const schemas = flat.components.schemas;
    const merged: J = { ...schemas.AutorisatieBase, properties: { ...schemas.AutorisatieBase.properties } };
    delete merged.discriminator;
    for (const c of ['zrc', 'drc', 'brc', 'nrc', 'ztc', 'ac']) {
      Object.assign(merged.properties, schemas[`${c}Autorisatie`].properties);
      delete schemas[c];
      delete schemas[`${c}Autorisatie`];
    }
    schemas.AutorisatieBase = merged;
    assert.deepEqual(compareOpenApi(official, flat), []);

    // sanity: the comparison does look into autorisaties[]
    delete merged.properties.zaaktype;
    const diffs = compareOpenApi(official, flat);
    assert.ok(diffs.some((d) => d.location === 'POST /applicaties request body .autorisaties[].zaaktype' && d.kind === 'missing'));
    assert.ok(diffs.some((d) => d.location === 'GET /applicaties 200 .results[].autorisaties[].zaaktype'));
  });
});
