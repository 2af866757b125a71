/**
 * The check an abonnement's callback must pass before it is saved: the policy allows it, and
 * it receives a test notificatie, sent with the abonnement's `auth`, with a 2xx answer (as the
 * reference implementation, Open Notificaties, does: code `invalid-callback-url`).
 */
import type { InvalidParam } from '../../../platform/http/problem.ts';
import type { Bericht } from '../delivery/fan-out.ts';
import { postCallback } from './client.ts';
import { CallbackRefused, type CallbackPolicy } from './policy.ts';

export async function checkCallback(policy: CallbackPolicy, callbackUrl: string, auth: string, test: Bericht, timeoutMs: number): Promise<InvalidParam[]> {
  try {
    await policy.check(callbackUrl);
  } catch (error) {
    if (!(error instanceof CallbackRefused)) throw error;
    return [{ name: 'callbackUrl', code: 'callback-url-not-allowed', reason: error.message }];
  }
  let reason: string;
  try {
    const response = await postCallback(callbackUrl, auth, test, { policy, timeoutMs, maxResponseBytes: 1024 });
    if (response.status >= 200 && response.status <= 299) return [];
    reason = `De callback-URL antwoordde ${response.status} op een testnotificatie; verwacht is 2xx.`;
  } catch (error) {
    reason = `De callback-URL is niet bereikbaar: ${error instanceof Error ? error.message : String(error)}`;
  }
  return [{ name: 'callbackUrl', code: 'invalid-callback-url', reason }];
}
