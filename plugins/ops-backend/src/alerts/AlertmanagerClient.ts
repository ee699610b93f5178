import { durationToMilliseconds } from '@backstage/types';
import { CustomErrorBase } from '@backstage/errors';
import { AlertMatcher } from '@unyo/plugin-ops-common';
import { OpsServerConfig } from '../config/OpsConfig';

/** An alert as Alertmanager's API v2 returns it (`GET /api/v2/alerts`). */
export interface AlertmanagerAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL?: string;
  status: {
    state: 'active' | 'suppressed' | 'unprocessed';
    silencedBy: string[];
    inhibitedBy: string[];
  };
}

/** A silence as Alertmanager's API v2 returns it. */
export interface AlertmanagerSilence {
  id: string;
  matchers: AlertMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

export interface NewSilence {
  matchers: AlertMatcher[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  comment: string;
}

/** Alertmanager could not be reached or failed (timeout, network, 5xx). */
export class AlertmanagerUnavailableError extends CustomErrorBase {
  name = 'AlertmanagerUnavailableError' as const;
}

/** Alertmanager refused the request (4xx): its message says why. */
export class AlertmanagerRequestError extends CustomErrorBase {
  name = 'AlertmanagerRequestError' as const;
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/**
 * Alertmanager answers 503 beyond `--web.get-concurrency` GETs at once
 * (default: its CPU count, at least 8); a page of cards for many entities
 * must not trip that alone, so this client queues beyond 4.
 */
const MAX_CONCURRENT_GETS = 4;

class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** One Alertmanager (or one HA cluster of them) of `ops.alertmanager.servers`. */
export interface AlertmanagerClient {
  readonly name: string;
  /** Active alerts (including suppressed ones) matching every matcher. */
  getAlerts(filter: string[]): Promise<AlertmanagerAlert[]>;
  getSilences(): Promise<AlertmanagerSilence[]>;
  /** Returns the new silence's id. */
  createSilence(silence: NewSilence): Promise<string>;
  /** Expires the silence; false when this server does not know it. */
  expireSilence(id: string): Promise<boolean>;
}

/**
 * Alertmanager API v2 over HTTP, with the configured headers and a timeout on
 * every request. Not retried: the portal asks again on the next view, and a
 * silence POST that timed out may have been applied.
 */
export class HttpAlertmanagerClient implements AlertmanagerClient {
  readonly name: string;
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly label: string;
  private readonly gets: Limiter;

  constructor(
    server: OpsServerConfig,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    const url = new URL(server.url);
    this.headers = { ...server.headers };
    // fetch refuses URLs with credentials; send them as Basic auth instead.
    if (url.username) {
      this.headers.Authorization ??= `Basic ${Buffer.from(
        `${decodeURIComponent(url.username)}:${decodeURIComponent(
          url.password,
        )}`,
      ).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    this.baseUrl = url.toString().replace(/\/+$/, '');
    this.name = server.name;
    // Errors reach the browser (the alerts card): the server by name, not its address.
    this.label = `Alertmanager "${server.name}"`;
    this.timeoutMs = durationToMilliseconds(server.timeout);
    this.gets = new Limiter(MAX_CONCURRENT_GETS);
  }

  async getAlerts(filter: string[]): Promise<AlertmanagerAlert[]> {
    const query = new URLSearchParams({ active: 'true', silenced: 'true' });
    query.set('inhibited', 'true');
    filter.forEach(f => query.append('filter', f));
    return this.gets.run(() => this.request('GET', `/api/v2/alerts?${query}`));
  }

  async getSilences(): Promise<AlertmanagerSilence[]> {
    return this.gets.run(() => this.request('GET', '/api/v2/silences'));
  }

  async createSilence(silence: NewSilence): Promise<string> {
    const body = await this.request<{ silenceID: string }>(
      'POST',
      '/api/v2/silences',
      {
        matchers: silence.matchers.map(m => ({
          name: m.name,
          value: m.value,
          isRegex: m.isRegex,
          isEqual: m.isEqual !== false,
        })),
        startsAt: silence.startsAt.toISOString(),
        endsAt: silence.endsAt.toISOString(),
        createdBy: silence.createdBy,
        comment: silence.comment,
      },
    );
    return body.silenceID;
  }

  async expireSilence(id: string): Promise<boolean> {
    try {
      await this.request('DELETE', `/api/v2/silence/${encodeURIComponent(id)}`);
      return true;
    } catch (error) {
      if (error instanceof AlertmanagerRequestError && error.status === 404) {
        return false;
      }
      throw error;
    }
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...this.headers,
          Accept: 'application/json',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `did not answer within ${this.timeoutMs / 1000} s`
          : `could not be reached: ${
              (error as { cause?: { code?: string } }).cause?.code ??
              (error as Error).message
            }`;
      throw new AlertmanagerUnavailableError(`${this.label} ${reason}`, error);
    }
    if (response.status >= 500) {
      throw new AlertmanagerUnavailableError(
        `${this.label} answered HTTP ${response.status}: ${text.slice(0, 200)}`,
      );
    }
    if (response.status >= 400) {
      // Alertmanager answers 4xx with a JSON string or a plain message.
      let message = text;
      try {
        const parsed = JSON.parse(text);
        message = typeof parsed === 'string' ? parsed : parsed.message ?? text;
      } catch {
        // plain text
      }
      throw new AlertmanagerRequestError(
        `${this.label} refused the request: ${message.trim().slice(0, 300)}`,
        response.status,
      );
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new AlertmanagerUnavailableError(
        `${this.label} answered with a body that is not JSON`,
      );
    }
  }
}
