/**
 * Where VNG's ZGW conformance suite lives and how its files are shaped. The suite is read from
 * `../shared/conformance/zgw` next to the project (CI has it there too); set `ZGW_SUITE_DIR`
 * to read it from elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels above this file (`src/conformance/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SuitePaths {
  dir: string;
  collection: string;
  mocks: string;
  environment: string;
  fixtureAc: string;
}

export function suitePaths(dir = process.env.ZGW_SUITE_DIR ?? path.resolve(PROJECT_ROOT, '../shared/conformance/zgw')): SuitePaths {
  return {
    dir,
    collection: path.join(dir, 'ZGW_api_postman_tests.json'),
    mocks: path.join(dir, 'ZGW_mocks.json'),
    environment: path.join(dir, 'local.postman_environment.json'),
    fixtureAc: path.join(dir, 'fixtures', 'fixture_ac.json'),
  };
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** A Postman v2.1 script event (`prerequest` or `test`). */
export interface PostmanEvent {
  listen: string;
  script?: { type?: string; exec?: string[] | string };
}

/** A Postman v2.1 item: a folder (`item` set) or a request. */
export interface PostmanItem {
  name: string;
  id?: string;
  item?: PostmanItem[];
  event?: PostmanEvent[];
  request?: unknown;
  response?: unknown[];
  [key: string]: unknown;
}

export interface PostmanCollection {
  info: { name: string; schema?: string; [key: string]: unknown };
  item: PostmanItem[];
  event?: PostmanEvent[];
  auth?: unknown;
  variable?: unknown[];
  [key: string]: unknown;
}

export interface PostmanEnvironment {
  id?: string;
  name?: string;
  values: { key: string; value: string; enabled?: boolean; [key: string]: unknown }[];
  [key: string]: unknown;
}

export const isFolder = (item: PostmanItem): boolean => Array.isArray(item.item);
