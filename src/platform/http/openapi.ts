/**
 * Builds an API's OpenAPI 3.0 document from its operation declarations: the schemas that
 * validate requests and serialise responses become the document's schemas. Schemas given a
 * name with `named()` are emitted once under `components.schemas` and referenced.
 */
import { stringify } from 'yaml';
import type { ApiDefinition, Operation } from './api.ts';
import { documentedAs, schemaName, variantsOf } from './schema.ts';

type Json = Record<string, unknown>;

const API_VERSION_HEADER = {
  'API-version': {
    schema: { type: 'string' },
    description: 'Geeft een specifieke API-versie aan in de context van een specifieke aanroep. Voorbeeld: 1.2.1.',
  },
};

/** The error answers every ZGW operation documents, with their problem schemas. */
function errorResponses(operation: Operation): Record<string, Json> {
  const fout = (description: string) => ({
    description,
    headers: API_VERSION_HEADER,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Fout' } } },
  });
  // Every operation can answer 400: unknown query parameters and malformed path parameters are rejected too.
  const responses: Record<string, Json> = {
    '400': {
      description: 'Bad request',
      headers: API_VERSION_HEADER,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ValidatieFout' } } },
    },
  };
  responses['401'] = fout('Unauthorized');
  responses['403'] = fout('Forbidden');
  if (operation.params) responses['404'] = fout('Not found');
  responses['406'] = fout('Not acceptable');
  responses['409'] = fout('Conflict');
  responses['410'] = fout('Gone');
  responses['415'] = fout('Unsupported media type');
  responses['429'] = fout('Too many requests');
  responses['500'] = fout('Internal server error');
  return responses;
}

const FOUT_PROPERTIES = {
  type: { title: 'Type', description: 'URI referentie naar het type fout, bedoeld voor developers', type: 'string' },
  code: { title: 'Code', description: 'Systeemcode die het type fout aangeeft', type: 'string', minLength: 1 },
  title: { title: 'Title', description: 'Generieke titel voor het type fout', type: 'string', minLength: 1 },
  status: { title: 'Status', description: 'De HTTP status code', type: 'integer' },
  detail: { title: 'Detail', description: 'Extra informatie bij de fout, indien beschikbaar', type: 'string', minLength: 1 },
  instance: {
    title: 'Instance',
    description: 'URI met referentie naar dit specifiek voorkomen van de fout. Deze kan gebruikt worden in combinatie met server logs, bijvoorbeeld.',
    type: 'string',
    minLength: 1,
  },
};

const PROBLEM_SCHEMAS = {
  Fout: { required: ['code', 'title', 'status', 'detail', 'instance'], type: 'object', properties: FOUT_PROPERTIES },
  FieldValidationError: {
    required: ['name', 'code', 'reason'],
    type: 'object',
    properties: {
      name: { title: 'Name', description: 'Naam van het veld met ongeldige gegevens', type: 'string', minLength: 1 },
      code: { title: 'Code', description: 'Systeemcode die het type fout aangeeft', type: 'string', minLength: 1 },
      reason: { title: 'Reason', description: 'Uitleg wat er precies fout is met de gegevens', type: 'string', minLength: 1 },
    },
  },
  ValidatieFout: {
    required: ['code', 'title', 'status', 'detail', 'instance', 'invalidParams'],
    type: 'object',
    properties: { ...FOUT_PROPERTIES, invalidParams: { type: 'array', items: { $ref: '#/components/schemas/FieldValidationError' } } },
  },
};

export function buildOpenApi(api: ApiDefinition): Json {
  const schemas: Record<string, Json> = {};
  const toDoc = (schema: unknown, root = false): unknown => {
    if (Array.isArray(schema)) return schema.map((s) => toDoc(s));
    if (!schema || typeof schema !== 'object') return schema;
    const lazy = documentedAs(schema);
    if (lazy) return toDoc(lazy);
    const name = schemaName(schema);
    if (name && !root) {
      if (!(name in schemas)) {
        schemas[name] = {}; // placeholder first: guards recursive schemas
        schemas[name] = toDoc(schema, true) as Json;
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$id' || key === 'additionalProperties') continue;
      out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toDoc(v)])) : toDoc(value);
    }
    const variants = variantsOf(schema);
    if (variants) {
      const mapping: Record<string, unknown> = {};
      for (const [value, variant] of Object.entries(variants.variants())) {
        if (!schemaName(variant)) throw new Error(`The variant ${value} of a discriminated schema needs a name.`);
        mapping[value] = (toDoc(variant) as Json).$ref;
      }
      out.discriminator = { propertyName: variants.propertyName, mapping };
    }
    return out;
  };

  const paths: Record<string, Json> = {};
  for (const operation of api.operations) {
    const item = (paths[operation.path] ??= {});
    item[operation.method.toLowerCase()] = operationDoc(operation, toDoc, api.contentTypeHeader ?? false);
    if (operation.head) {
      const get = item.get as Json;
      const headParameters = (get.parameters as Json[]).filter((p) => p.in === 'path' || ['If-None-Match', 'Accept-Crs', 'Content-Crs'].includes(p.name as string));
      const headers: Json = { ...API_VERSION_HEADER };
      if (operation.etag) headers.ETag = ETAG_HEADER;
      if (operation.crs) headers['Content-Crs'] = CONTENT_CRS_HEADER;
      item.head = {
        operationId: operation.head.operationId,
        summary: operation.head.summary,
        description: 'Vraag de headers op die je bij een GET request zou krijgen.',
        parameters: headParameters,
        responses: { '200': { description: 'OK', headers } },
        tags: operation.tags,
        security: get.security,
      };
    }
  }
  for (const item of Object.values(paths)) item.parameters = [];

  return {
    openapi: '3.0.0',
    info: {
      title: api.title,
      description: api.description,
      contact: { name: 'Open Grond', url: 'https://opengrond.nl', email: 'info@opengrond.nl' },
      license: { name: 'EUPL 1.2', url: 'https://opensource.org/licenses/EUPL-1.2' },
      version: api.version,
    },
    servers: [{ url: `/${api.name}/api/v1` }],
    // An API whose operations are all public (scopes: null) declares no security requirement.
    ...(api.operations.some((o) => o.scopes !== null) ? { security: [{ 'JWT-Claims': [] }] } : {}),
    paths,
    components: {
      securitySchemes: { 'JWT-Claims': { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ...schemas, ...PROBLEM_SCHEMAS },
    },
  };
}

const ETAG_HEADER = {
  schema: { type: 'string' },
  description:
    'De ETag berekend op de response body JSON. Indien twee resources exact dezelfde ETag hebben, dan zijn deze resources identiek aan elkaar. Je kan de ETag gebruiken om caching te implementeren.',
};

const CRS_SCHEMA = { type: 'string', enum: ['EPSG:4326'] };
const CONTENT_CRS_HEADER = {
  schema: CRS_SCHEMA,
  description: "Het 'Coordinate Reference System' (CRS) van de geometrie in de vraag (request body). Volgens de GeoJSON spec is WGS84 de default (EPSG:4326 is hetzelfde als WGS84).",
};

function headerParameters(operation: Operation, contentTypeHeader: boolean): Json[] {
  const parameters: Json[] = [];
  if (contentTypeHeader && ['POST', 'PUT', 'PATCH'].includes(operation.method)) {
    const mediaTypes = operation.rawBody?.mediaTypes ?? ['application/json'];
    parameters.push({ in: 'header', name: 'Content-Type', schema: { type: 'string', enum: mediaTypes }, description: 'Content type van de verzoekinhoud.', required: true });
  }
  if (operation.auditHeaders) {
    parameters.push(
      { in: 'header', name: 'X-NLX-Logrecord-ID', schema: { type: 'string' }, description: 'Identifier of the request, traceable throughout the network' },
      { in: 'header', name: 'X-Audit-Toelichting', schema: { type: 'string' }, description: 'Toelichting waarom een bepaald verzoek wordt gedaan' },
    );
  }
  if (operation.etag) {
    parameters.push({
      in: 'header',
      name: 'If-None-Match',
      schema: { type: 'string' },
      description:
        'Voer een voorwaardelijk verzoek uit. Deze header moet één of meerdere ETag-waardes bevatten van resources die de consumer gecached heeft. Indien de waarde van de ETag van de huidige resource voorkomt in deze set, dan antwoordt de provider met een lege HTTP 304 request.',
      required: false,
    });
  }
  if (operation.crs?.accept) {
    parameters.push({
      in: 'header',
      name: 'Accept-Crs',
      schema: CRS_SCHEMA,
      description: "Het gewenste 'Coordinate Reference System' (CRS) van de geometrie in het antwoord (response body). Volgens de GeoJSON spec is WGS84 de default (EPSG:4326 is hetzelfde als WGS84).",
      required: true,
    });
  }
  if (operation.crs?.content) {
    parameters.push({
      in: 'header',
      name: 'Content-Crs',
      schema: CRS_SCHEMA,
      description: "Het 'Coordinate Reference System' (CRS) van de geometrie in de vraag (request body). Volgens de GeoJSON spec is WGS84 de default (EPSG:4326 is hetzelfde als WGS84).",
      required: true,
    });
  }
  return parameters;
}

function operationDoc(operation: Operation, toDoc: (s: unknown) => unknown, contentTypeHeader: boolean): Json {
  const parameters: Json[] = [];
  for (const [location, schema] of [['path', operation.params], ['query', operation.query]] as const) {
    if (!schema) continue;
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties)) {
      const { description, ...rest } = toDoc(property) as Json;
      const parameter: Json = { name, in: location };
      if (description) parameter.description = description;
      parameter.required = location === 'path' || required.has(name);
      parameter.schema = rest;
      parameters.push(parameter);
    }
  }
  parameters.push(...headerParameters(operation, contentTypeHeader));
  const responses: Json = {};
  for (const [status, spec] of Object.entries(operation.document?.responses ?? operation.responses)) {
    const headers: Json = { ...(spec.apiVersionHeader === false ? {} : API_VERSION_HEADER), ...spec.headers };
    const success = Number(status) < 300;
    if (success && operation.etag && status === '200') headers.ETag = ETAG_HEADER;
    if (success && operation.crs) headers['Content-Crs'] = CONTENT_CRS_HEADER;
    const response: Json = spec.bare ? { description: spec.description } : { description: spec.description, headers };
    if (spec.schema) response.content = { [spec.mediaType ?? 'application/json']: { schema: toDoc(spec.schema) } };
    responses[status] = response;
  }
  Object.assign(responses, errorResponses(operation));
  const doc: Json = { operationId: operation.operationId, summary: operation.summary };
  if (operation.description) doc.description = operation.description;
  if (parameters.length) doc.parameters = parameters;
  const body = operation.document?.body ?? operation.body;
  if (body) {
    const mediaTypes = operation.rawBody?.mediaTypes ?? ['application/json'];
    const content = Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema: toDoc(body) }]));
    doc.requestBody = { content, required: operation.document?.bodyRequired ?? !operation.optionalBody };
  }
  doc.responses = responses;
  doc.tags = operation.tags;
  // `[]`: public, also when the API's default requires a JWT.
  doc.security = operation.scopes === null ? [] : [{ 'JWT-Claims': operation.scopes }];
  return doc;
}

export function toYaml(document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
