import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  HealthCheck,
  HealthState,
  TlsCertificate,
} from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { chunks, migratedClient, toDate } from '../database/util';
import { HealthSample, HealthStore, UptimeCounts } from './HealthStore';
import { ProbeResult } from './types';

const TABLE = 'ops_health_results';
function parseChecks(value: unknown): HealthCheck[] {
  if (typeof value !== 'string') return [];
  try {
    const checks = JSON.parse(value);
    return Array.isArray(checks) ? checks : [];
  } catch {
    return [];
  }
}

function parseCertificate(value: unknown): TlsCertificate | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const certificate = JSON.parse(value);
    return typeof certificate === 'object' && certificate !== null
      ? certificate
      : undefined;
  } catch {
    return undefined;
  }
}

/** Probe results on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseHealthStore implements HealthStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseHealthStore> {
    return new DatabaseHealthStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private constructor(private readonly db: Knex) {}

  async addResults(results: ProbeResult[]): Promise<void> {
    for (const batch of chunks(results)) {
      await this.db(TABLE).insert(
        batch.map(r => ({
          url: r.url,
          checked_at: r.checkedAt,
          status: r.status,
          latency_ms: Math.round(r.latencyMs),
          checks: JSON.stringify(r.checks),
          message: r.message ?? null,
          certificate: r.certificate ? JSON.stringify(r.certificate) : null,
        })),
      );
    }
  }

  async getLatest(urls: string[]): Promise<Map<string, ProbeResult>> {
    const latest = new Map<string, ProbeResult>();
    // One indexed lookup per URL: an entity has a handful of them.
    for (const url of new Set(urls)) {
      const row = await this.db(TABLE)
        .where({ url })
        .orderBy([
          { column: 'checked_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first();
      if (row) {
        const certificate = parseCertificate(row.certificate);
        latest.set(url, {
          url,
          checkedAt: toDate(row.checked_at),
          status: row.status,
          latencyMs: row.latency_ms,
          checks: parseChecks(row.checks),
          ...(row.message ? { message: row.message } : {}),
          ...(certificate ? { certificate } : {}),
        });
      }
    }
    return latest;
  }

  async getSince(url: string, status: HealthState): Promise<Date | undefined> {
    const lastOther = await this.db(TABLE)
      .where({ url })
      .whereNot({ status })
      .max({ t: 'checked_at' })
      .first();
    const query = this.db(TABLE)
      .where({ url, status })
      .min({ t: 'checked_at' });
    if (lastOther?.t !== null && lastOther?.t !== undefined) {
      query.where('checked_at', '>', toDate(lastOther.t));
    }
    const first = await query.first();
    return first?.t !== null && first?.t !== undefined
      ? toDate(first.t)
      : undefined;
  }

  async getSamples(urls: string[], from: Date): Promise<HealthSample[]> {
    const samples: HealthSample[] = [];
    for (const batch of chunks([...new Set(urls)])) {
      const rows = await this.db(TABLE)
        .whereIn('url', batch)
        .where('checked_at', '>=', from)
        .orderBy('checked_at')
        .select('url', 'checked_at', 'status', 'latency_ms');
      for (const row of rows) {
        samples.push({
          url: row.url,
          checkedAt: toDate(row.checked_at),
          status: row.status,
          latencyMs: row.latency_ms ?? null,
        });
      }
    }
    return samples;
  }

  async getUptime(
    urls: string[],
    from: Date,
  ): Promise<Map<string, UptimeCounts>> {
    const counts = new Map<string, UptimeCounts>();
    for (const batch of chunks([...new Set(urls)])) {
      const rows: Array<{ url: string; status: string; n: unknown }> =
        await this.db(TABLE)
          .whereIn('url', batch)
          .where('checked_at', '>=', from)
          .whereNot('status', 'unknown')
          .groupBy('url', 'status')
          .select('url', 'status')
          .count({ n: '*' });
      for (const row of rows) {
        const entry = counts.get(row.url) ?? { serving: 0, known: 0 };
        // PostgreSQL counts as bigint strings, SQLite as numbers.
        const n = Number(row.n);
        entry.known += n;
        if (row.status === 'up' || row.status === 'degraded') {
          entry.serving += n;
        }
        counts.set(row.url, entry);
      }
    }
    return counts;
  }

  async prune(before: Date): Promise<number> {
    return this.db(TABLE).where('checked_at', '<', before).delete();
  }
}
