/**
 * Lints an OpenAPI document with Spectral and a ruleset, normally the Dutch API Design
 * Rules ruleset at ../shared/standards/adr/spectral-ruleset.yaml.
 *
 * Runs the installed `@stoplight/spectral-cli` (a devDependency) as a child process on a
 * temporary copy of the document, with `-f json`. The CLI exits with 1 when it finds
 * results of severity error: that is a normal outcome here, not a failure; only a
 * crash (exit code 2, e.g. an unreadable ruleset) or unparsable output is thrown.
 *
 * Offline: the ADR ruleset only `extends: [["spectral:oas", "off"]]`, the built-in OAS
 * ruleset that ships inside the CLI package, and its own rules use only Spectral's core
 * functions (pattern, truthy, schema, casing, or), so nothing is fetched from the
 * network. The comment in the ruleset about downloading it from developer.overheid.nl
 * is only about getting a fresh copy; we point at the local file instead.
 *
 * Because a temporary copy is linted, relative external `$ref`s (`../../ztc/...`) do not
 * resolve and show up as `invalid-ref` errors. Our generated documents are
 * self-contained, so this only matters when linting the official Zaken/Besluiten/
 * Documenten specs this way (they also fail to resolve from their original location).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SpectralResult {
  /** rule code, e.g. `path-keys-no-trailing-slash`, `nlgov:missing-version-header` */
  code: string;
  message: string;
  /** JSON path of the offending node, segments joined with `.` like Spectral's own output */
  path: string;
  /** Spectral's DiagnosticSeverity: 0 error, 1 warning (2 info and 3 hint are not returned) */
  severity: number;
}

/** Absolute path of the spectral CLI entry point (`bin.spectral` of @stoplight/spectral-cli). */
function spectralBin(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@stoplight/spectral-cli/package.json');
  const pkg = require(pkgFile) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.spectral;
  if (bin === undefined) throw new Error('@stoplight/spectral-cli has no spectral bin');
  return path.resolve(path.dirname(pkgFile), bin);
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [spectralBin(), ...args],
      { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Lints `document` (an OpenAPI object, e.g. what our server serves at /schema) with the
 * given ruleset file. Returns errors (severity 0) and warnings (severity 1); info and
 * hint results are dropped (the ADR ruleset has none).
 */
export async function lintWithSpectral(
  document: unknown,
  rulesetFile: string,
): Promise<{ errors: SpectralResult[]; warnings: SpectralResult[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'opengrond-spectral-'));
  try {
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document, null, 2));
    const { code, stdout, stderr } = await run([
      'lint',
      file,
      '--ruleset',
      path.resolve(rulesetFile),
      '--format',
      'json',
      '--quiet',
    ]);
    // 0: no errors, 1: results at/above --fail-severity (error). Anything else: Spectral failed.
    if (code !== 0 && code !== 1) {
      throw new Error(`spectral failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new Error(`spectral printed no JSON (exit ${code}): ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`);
    }
    if (!Array.isArray(parsed)) throw new Error('spectral JSON output is not an array');
    const results: SpectralResult[] = parsed.map((r: unknown) => {
      const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
      return {
        code: String(o.code),
        message: String(o.message),
        path: Array.isArray(o.path) ? o.path.map(String).join('.') : '',
        severity: typeof o.severity === 'number' ? o.severity : -1,
      };
    });
    return {
      errors: results.filter((r) => r.severity === 0),
      warnings: results.filter((r) => r.severity === 1),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
