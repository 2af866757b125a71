/**
 * The `opengrond` command as a user runs it: a separate process, a data directory, a clients
 * file, signals.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { SignJWT } from 'jose';

const BIN = new URL('../bin/opengrond.js', import.meta.url).pathname;
const run = promisify(execFile);

const CLIENT = { clientId: 'cli-beheerder', secret: 'cli-beheerder-secret', label: 'Beheerder', heeftAlleAutorisaties: true };
const READER = { clientId: 'cli-lezer', secret: 'cli-lezer-secret', autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] };
const NOBODY = { clientId: 'cli-niemand', secret: 'cli-niemand-secret' };

const token = (c: { clientId: string; secret: string }) =>
  new SignJWT({ client_id: c.clientId }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(new TextEncoder().encode(c.secret));

describe('opengrond CLI', () => {
  it('provisions clients idempotently, serves them, and shuts down gracefully', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-cli-'));
    const dataDir = path.join(dir, 'data');
    const clientsFile = path.join(dir, 'clients.json');
    fs.writeFileSync(clientsFile, JSON.stringify([CLIENT, READER, NOBODY]));
    try {
      await run(process.execPath, [BIN, 'seed', '--data-dir', dataDir, '--clients', clientsFile]);
      await run(process.execPath, [BIN, 'seed', '--data-dir', dataDir, '--clients', clientsFile]);

      const child = spawn(process.execPath, [BIN, 'start', '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1', '--clients', clientsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const base = await new Promise<string>((resolve, reject) => {
        // Generous: with demo data the start also seeds, starts the FSC practice group and connects the Begrafenisplanner, on a shared CI machine.
        const timer = setTimeout(() => reject(new Error(`no start within 150 s:\n${output}`)), 150_000);
        child.stdout.on('data', () => {
          const match = /draait op (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      assert.match(output, /client_id: opengrond-demo/);
      assert.match(output, /\/autorisaties\/api\/v1/);

      const list = await fetch(`${base}/autorisaties/api/v1/applicaties`, { headers: { Authorization: `Bearer ${await token(CLIENT)}` } });
      const body = (await list.json()) as { results: { clientIds: string[] }[] };
      assert.equal(list.status, 200);
      const labels = body.results.map((a: { clientIds: string[] }) => a.clientIds.join(',')).sort();
      // Once each, despite three provisionings; the demo brings the Begrafenisplanner's two clients.
      assert.deepEqual(labels, ['begrafenisplanner-gemeente', 'begrafenisplanner-uitvaart', 'cli-beheerder', 'cli-lezer', 'opengrond-demo']);
      // `opengrond start` with demo data includes the Begrafenisplanner, connected.
      assert.match(output, /Begrafenisplanner \(zie docs\/begrafenisplanner.md\)/);
      const planner = await fetch(`${base}/begrafenisplanner/gemeente`);
      assert.equal(planner.status, 200);
      assert.match(await planner.text(), /Werkvoorraad begrafenissen/);
      assert.equal((await fetch(`${base}/autorisaties/api/v1/applicaties`, { headers: { Authorization: `Bearer ${await token(READER)}` } })).status, 200);
      assert.equal((await fetch(`${base}/autorisaties/api/v1/applicaties`, { headers: { Authorization: `Bearer ${await token(NOBODY)}` } })).status, 403);

      // A request still sending its body when SIGTERM arrives is finished before the process exits.
      const { port } = new URL(base);
      const payload = JSON.stringify({ clientIds: ['laatkomer'], label: 'Laatkomer', heeftAlleAutorisaties: true });
      const inFlight = new Promise<number>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/autorisaties/api/v1/applicaties', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } });
        request.on('response', (response) => {
          response.resume();
          resolve(response.statusCode!);
        });
        request.on('error', reject);
        token(CLIENT).then((t) => {
          request.setHeader('Authorization', `Bearer ${t}`);
          request.write(payload.slice(0, 10));
          setTimeout(() => {
            child.kill('SIGTERM');
            setTimeout(() => request.end(payload.slice(10)), 300);
          }, 300);
        }, reject);
      });
      assert.equal(await inFlight, 201);
      assert.equal(await exited, 0);
      assert.equal(fs.existsSync(path.join(dataDir, 'opengrond.lock')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid clients file with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-cli-'));
    const clientsFile = path.join(dir, 'clients.json');
    fs.writeFileSync(clientsFile, JSON.stringify([{ clientId: 'x' }]));
    try {
      await assert.rejects(run(process.execPath, [BIN, 'seed', '--memory', '--clients', clientsFile]), (error: { stderr: string }) => /0\.secret: required/.test(error.stderr));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid remote services file or timeout with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-cli-'));
    const servicesFile = path.join(dir, 'remote-services.json');
    fs.writeFileSync(servicesFile, JSON.stringify([{ apiRoot: 'catalogi.example.nl', clientId: 'x', secret: 'y' }]));
    try {
      const start = (...flags: string[]) => run(process.execPath, [BIN, 'start', '--memory', '--no-seed', '--port', '0', ...flags]);
      await assert.rejects(start('--remote-services', servicesFile), (error: { stderr: string }) => /Remote service 0: apiRoot/.test(error.stderr));
      await assert.rejects(start('--remote-timeout', 'vijf'), (error: { stderr: string }) => /--remote-timeout moet een aantal seconden zijn/.test(error.stderr));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
