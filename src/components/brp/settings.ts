import type { BrpUpstream } from './routes.ts';

export interface BrpOptions {
  /** `source` (default): our person store; `proxy`: forward to `upstream` (`--brp-mode proxy --brp-upstream URL`). */
  mode?: 'source' | 'proxy';
  upstream?: BrpUpstream;
  /** The clock for leeftijd and end dates; the real time unless a test gives its own (no request can choose it). */
  now?: () => Date;
}
