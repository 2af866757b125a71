/**
 * A large document through the Documenten API, measuring the server's memory: a fresh
 * `opengrond start` (its own process) takes a document of 2 GiB in bestandsdelen, merges them
 * at unlock and streams it back out, while this script samples the server's resident memory
 * (/proc/<pid>/status) per phase. The content is generated and hashed on the fly on both sides
 * of the wire, so neither process needs to hold it; the hashes prove it arrived intact.
 *
 *   npm run bench:documenten -- [--size-mib 2048] [--database postgres://…/postgres] [--limit-mib 250]
 *
 * With --database the server runs on a fresh database made on that PostgreSQL server (dropped
 * afterwards), else on the embedded database in memory.
 *
 * Exits 1 when the server's peak RSS exceeds --limit-mib (default 250) or the content differs.
 * Needs Linux (/proc) and about twice the size in free disk space under the temp directory.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { createFreshDatabase } from '../src/conformance/database.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { 'size-mib': { type: 'string' }, database: { type: 'string' }, 'limit-mib': { type: 'string' } } });
const SIZE = Number(values['size-mib'] ?? 2048) * 1024 * 1024;
const LIMIT_MIB = Number(values['limit-mib'] ?? 250);
const CLIENT = { clientId: 'bench', secret: 'bench-secret-0123456789abcdef' };
const MIB = 1024 * 1024;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in bytes: now (VmRSS) and its peak so far (VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Samples a process's RSS every 50 ms; `phase()` returns the highest sample since the last call. */
function sampler(pid: number) {
  let max = 0;
  const timer = setInterval(() => {
    max = Math.max(max, memoryOf(pid).rss);
  }, 50);
  return {
    phase() {
      const value = Math.max(max, memoryOf(pid).rss);
      max = 0;
      return value;
    },
    stop: () => clearInterval(timer),
  };
}

/** Deterministic-enough test content: random 1 MiB blocks, hashed as they are produced. */
function* content(size: number, hash: ReturnType<typeof createHash>): Generator<Buffer> {
  for (let offset = 0; offset < size; offset += MIB) {
    const block = randomBytes(Math.min(MIB, size - offset));
    hash.update(block);
    yield block;
  }
}

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-bench-'));
  const clients = path.join(tmp, 'clients.json');
  fs.writeFileSync(clients, JSON.stringify([{ ...CLIENT, label: 'Benchmark', heeftAlleAutorisaties: true }]));
  const port = await freePort();
  // A fresh database on the server given, dropped afterwards; else the embedded one in memory.
  const fresh = values.database ? await createFreshDatabase(values.database, `opengrond_bench_${process.pid}`) : undefined;
  const database = fresh ? ['--database', fresh.url, '--data-dir', path.join(tmp, 'data')] : ['--memory'];
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/opengrond.js'), 'start', '--port', String(port), '--host', '127.0.0.1', '--clients', clients, '--no-seed', ...database], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const token = await new SignJWT({ client_id: CLIENT.clientId }).setProtectedHeader({ alg: 'HS256' }).setIssuer(CLIENT.clientId).setIssuedAt().sign(new TextEncoder().encode(CLIENT.secret));
    const auth = { Authorization: `Bearer ${token}` };
    const json = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(url.startsWith('http') ? url : `${base}${url}`, { method, headers: { ...auth, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };

    const catalogus = await json('POST', '/catalogi/api/v1/catalogussen', { domein: 'BENCH', rsin: '000000000', contactpersoonBeheerNaam: 'Bench' });
    const iot = await json('POST', '/catalogi/api/v1/informatieobjecttypen', { catalogus: catalogus.url, omschrijving: 'groot', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01' });
    await json('POST', `${iot.url}/publish`);

    const idle = memoryOf(child.pid!).rss;
    // Forget the peak of starting up (migrations): from here VmHWM is the peak of the document's round trip.
    fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    const memory = sampler(child.pid!);
    const doc = await json('POST', '/documenten/api/v1/enkelvoudiginformatieobjecten', {
      bronorganisatie: '000000000', creatiedatum: '2024-01-01', titel: 'groot bestand', auteur: 'bench', taal: 'dut', bestandsnaam: 'groot.bin', bestandsomvang: SIZE, informatieobjecttype: iot.url,
    });

    // 1. Upload every bestandsdeel as a streamed multipart/form-data body.
    const sent = createHash('sha256');
    const parts = content(SIZE, sent);
    const uploadStart = Date.now();
    for (const deel of doc.bestandsdelen as { url: string; omvang: number }[]) {
      const boundary = `bench${randomBytes(8).toString('hex')}`;
      let left = deel.omvang;
      let carry: Buffer | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="lock"\r\n\r\n${doc.lock}\r\n--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="deel.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`));
        },
        pull(controller) {
          if (left === 0) {
            controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
            controller.close();
            return;
          }
          const block = carry ?? parts.next().value!;
          const piece = block.subarray(0, Math.min(block.length, left));
          carry = piece.length < block.length ? block.subarray(piece.length) : undefined;
          left -= piece.length;
          controller.enqueue(piece);
        },
      });
      const response = await fetch(deel.url, { method: 'PUT', headers: { ...auth, 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body, duplex: 'half' } as RequestInit);
      if (response.status !== 200) throw new Error(`bestandsdeel: ${response.status} ${await response.text()}`);
      await response.text();
    }
    const uploadSeconds = (Date.now() - uploadStart) / 1000;
    const uploadPeak = memory.phase();

    // 2. Unlock: the parts are merged into the document's content.
    const unlockStart = Date.now();
    const unlock = await fetch(`${doc.url}/unlock`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ lock: doc.lock }) });
    if (unlock.status !== 204) throw new Error(`unlock: ${unlock.status} ${await unlock.text()}`);
    const unlockSeconds = (Date.now() - unlockStart) / 1000;
    const unlockPeak = memory.phase();

    // 3. Download, hashing as it arrives.
    const downloadStart = Date.now();
    const response = await fetch(`${doc.url}/download`, { headers: auth });
    const received = createHash('sha256');
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      received.update(chunk);
      bytes += chunk.length;
    }
    const downloadSeconds = (Date.now() - downloadStart) / 1000;
    const downloadPeak = memory.phase();
    memory.stop();
    const serverPeak = memoryOf(child.pid!).peak;

    const same = bytes === SIZE && sent.digest('hex') === received.digest('hex');
    const mib = (n: number) => `${(n / MIB).toFixed(0)} MiB`;
    const rate = (seconds: number) => `${(SIZE / MIB / seconds).toFixed(0)} MiB/s`;
    console.log(`document: ${mib(SIZE)} in ${doc.bestandsdelen.length} bestandsdelen (${values.database ? 'PostgreSQL' : 'PGlite in memory'}), content ${same ? 'identical' : 'DIFFERENT'}`);
    console.log(`server RSS idle before:      ${mib(idle)}`);
    console.log(`upload   ${uploadSeconds.toFixed(1).padStart(6)} s  ${rate(uploadSeconds).padStart(10)}   peak RSS ${mib(uploadPeak)}`);
    console.log(`unlock   ${unlockSeconds.toFixed(1).padStart(6)} s  ${rate(unlockSeconds).padStart(10)}   peak RSS ${mib(unlockPeak)}`);
    console.log(`download ${downloadSeconds.toFixed(1).padStart(6)} s  ${rate(downloadSeconds).padStart(10)}   peak RSS ${mib(downloadPeak)}`);
    console.log(`server peak RSS from create to download (VmHWM): ${mib(serverPeak)}; this script's peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)}`);
    const ok = same && serverPeak <= LIMIT_MIB * MIB;
    console.log(ok ? `OK: under ${LIMIT_MIB} MiB` : `FAILED: ${same ? `server peak RSS over ${LIMIT_MIB} MiB` : 'content differs'}`);
    return ok ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await fresh?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
