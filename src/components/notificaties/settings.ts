/**
 * Settings of the Notificaties API's delivery, from the command line (`opengrond start
 * --delivery-…`) or `ServerOptions.notificaties`. Every one has a default; see README.
 */
export interface NotificatiesOptions {
  /** Deliver in this process (default true); false when separate `opengrond notificaties deliver` processes do. */
  delivery?: boolean;
  /** Allow callbacks on loopback addresses (127.0.0.0/8, ::1): development and tests. */
  allowLoopbackCallbacks?: boolean;
  /** Host names, IP addresses and networks (CIDR) callbacks may use even where the policy denies them. */
  callbackAllowlist?: string[];
  /** Attempts per delivery before it is dead (default 12). */
  maxAttempts?: number;
  /** Seconds a subscriber has to answer (default 10). */
  timeoutSeconds?: number;
  /** Deliveries in flight per process (default 64). */
  concurrency?: number;
  /** Deliveries in flight per abonnement per process (default 4). */
  perSubscriber?: number;
  /** Delay before the second attempt, in seconds; it doubles with each next one (default 10). */
  backoffSeconds?: number;
  /** The longest delay between attempts, in seconds (default 3600). */
  backoffMaxSeconds?: number;
  /** How often an idle worker looks for work it was not told about, in seconds (default 1). */
  pollSeconds?: number;
}

export interface DeliverySettings {
  enabled: boolean;
  maxAttempts: number;
  timeoutMs: number;
  concurrency: number;
  perSubscriber: number;
  backoffMs: number;
  backoffMaxMs: number;
  pollMs: number;
  /**
   * How long a claimed delivery stays with its worker: well past the request's deadline, so a
   * live worker never loses it; after a crash its deliveries go to another worker this much later.
   */
  leaseMs: number;
  /** Bytes of a subscriber's answer that are read (kept for the attempt's error); the rest is dropped. */
  maxResponseBytes: number;
  /** Outbox events routed per transaction. */
  routeBatch: number;
}

export function deliverySettings(options: NotificatiesOptions = {}): DeliverySettings {
  const timeoutMs = (options.timeoutSeconds ?? 10) * 1000;
  return {
    enabled: options.delivery ?? true,
    maxAttempts: options.maxAttempts ?? 12,
    timeoutMs,
    concurrency: options.concurrency ?? 64,
    perSubscriber: options.perSubscriber ?? 4,
    backoffMs: (options.backoffSeconds ?? 10) * 1000,
    backoffMaxMs: (options.backoffMaxSeconds ?? 3600) * 1000,
    pollMs: (options.pollSeconds ?? 1) * 1000,
    leaseMs: 2 * timeoutMs + 5000,
    maxResponseBytes: 4096,
    routeBatch: 500,
  };
}
