/**
 * The conformance check every API's test uses: our generated OpenAPI document against the
 * official one in ../shared/standards/zgw (zero differences), and against the Dutch API
 * Design Rules linter (zero errors).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareOpenApi, loadOpenApi, type OpenApiDifference } from '../../src/platform/openapi/compare.ts';
import { lintWithSpectral, type SpectralResult } from '../../src/platform/openapi/spectral.ts';
import { buildOpenApi } from '../../src/platform/http/openapi.ts';
import type { Component } from '../../src/components/component.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { ReferenceResolver } from '../../src/platform/references/resolver.ts';
import type { Logboek } from '../../src/platform/logboek/logboek.ts';

export const SHARED = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared');

/** The document is built from declarations only; no database is touched, no reference resolved. */
const NO_DATABASE = new Proxy({}, { get: () => { throw new Error('no database while building the OpenAPI document'); } }) as Database;
/** Components create their file stores lazily: building the document touches no file. */
const NO_FILES = '/no-files-while-building-the-openapi-document';
const NO_REFERENCES = new Proxy({}, { get: () => { throw new Error('no references while building the OpenAPI document'); } }) as ReferenceResolver;
const NO_LOGBOEK = new Proxy({}, { get: () => { throw new Error('no Logboek while building the OpenAPI document'); } }) as Logboek;

export async function checkApiAgainstStandard(component: Component, officialFile: string): Promise<{ differences: OpenApiDifference[]; spectralErrors: SpectralResult[]; spectralWarnings: SpectralResult[] }> {
  const document = buildOpenApi(component.api({ database: NO_DATABASE, invalidateAuth: () => {}, references: NO_REFERENCES, dataDir: NO_FILES, logboek: NO_LOGBOEK }));
  const official = loadOpenApi(path.join(SHARED, 'standards/zgw', officialFile));
  const differences = compareOpenApi(official, document);
  const { errors, warnings } = await lintWithSpectral(document, path.join(SHARED, 'standards/adr/spectral-ruleset.yaml'));
  return { differences, spectralErrors: errors, spectralWarnings: warnings };
}
