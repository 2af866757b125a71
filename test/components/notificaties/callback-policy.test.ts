import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallbackPolicy, CallbackRefused } from '../../../src/components/notificaties/callbacks/policy.ts';

describe('Callback policy', () => {
  const strict = new CallbackPolicy();

  it('refuses loopback, link-local (metadata), private, shared and reserved addresses by default', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '169.254.169.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', 'ff02::1']) {
      assert.ok(strict.refusal(address), `${address} is refused`);
    }
  });

  it('looks inside IPv6 addresses that carry an IPv4 address', () => {
    for (const address of ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '64:ff9b::10.0.0.1', '2002:a00:1::1', '::127.0.0.1']) {
      assert.ok(strict.refusal(address), `${address} is refused`);
    }
    assert.equal(strict.refusal('::ffff:8.8.8.8'), undefined);
    assert.equal(strict.refusal('64:ff9b::8.8.8.8'), undefined);
  });

  it('allows public addresses', () => {
    for (const address of ['8.8.8.8', '145.222.1.1', '172.32.0.1', '2a00:1450:400e:80e::200e']) assert.equal(strict.refusal(address), undefined, address);
  });

  it('opens loopback only with allowLoopback, and named networks and hosts with the allow-list', async () => {
    const loopback = new CallbackPolicy({ allowLoopback: true });
    assert.equal(loopback.refusal('127.0.0.1'), undefined);
    assert.equal(loopback.refusal('::1'), undefined);
    assert.equal(loopback.refusal('::ffff:127.0.0.1'), undefined);
    assert.ok(loopback.refusal('10.0.0.1'));
    assert.ok(loopback.refusal('169.254.169.254'));

    const listed = new CallbackPolicy({ allowlist: ['10.20.0.0/16', '192.168.5.5', 'intern.example'] });
    assert.equal(listed.refusal('10.20.3.4'), undefined);
    assert.equal(listed.refusal('192.168.5.5'), undefined);
    assert.ok(listed.refusal('192.168.5.6'));
    assert.ok(listed.refusal('10.21.0.1'));
    await listed.check('https://intern.example/callback');
  });

  it('checks the scheme and every address a host name resolves to', async () => {
    await assert.rejects(strict.check('ftp://example.com/x'), CallbackRefused);
    await assert.rejects(strict.check('http://localhost:8000/callback'), /loopback/);
    await assert.rejects(strict.check('http://[::1]/callback'), /loopback/);
    await assert.rejects(strict.check('http://169.254.169.254/latest/meta-data/'), /link-local/);
    await assert.rejects(strict.check('http://does-not-exist.invalid/'), /bestaat niet/);
    await new CallbackPolicy({ allowLoopback: true }).check('http://localhost:8000/callback');
  });

  it('refuses a denied address when connecting, whatever the URL was checked as', async () => {
    const addresses = await new Promise<unknown>((resolve) => strict.lookup('localhost', { all: true }, (error, result) => resolve(error ?? result)));
    assert.ok(addresses instanceof CallbackRefused);
  });
});
