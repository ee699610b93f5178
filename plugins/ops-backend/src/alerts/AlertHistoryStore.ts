import { DatabaseService } from '@backstage/backend-plugin-api';
import { AlertHistoryEvent } from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { migratedClient, toDate } from '../database/util';

/** One alert of an Alertmanager webhook delivery. */
export interface AlertDelivery {
  fingerprint: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  startsAt: Date;
  endsAt?: Date;
}

/** Firings and resolutions received from Alertmanager. */
export interface AlertHistoryStore {
  /** Idempotent: repeated deliveries of the same alert change nothing. */
  record(deliveries: AlertDelivery[]): Promise<void>;
  /** Firings that started at or after `since`. */
  listSince(since: Date): Promise<AlertHistoryEvent[]>;
}

/** {@link AlertHistoryStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseAlertHistoryStore implements AlertHistoryStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAlertHistoryStore> {
    return new DatabaseAlertHistoryStore(
      await migratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async record(deliveries: AlertDelivery[]): Promise<void> {
    // One transaction per delivery, so a retried delivery is all or nothing.
    await this.db.transaction(async tx => {
      for (const d of deliveries) {
        const key = { fingerprint: d.fingerprint, starts_at: d.startsAt };
        const resolvedAt =
          d.status === 'resolved' ? d.endsAt ?? new Date() : null;
        await tx('ops_alert_events')
          .insert({
            ...key,
            alertname: d.labels.alertname ?? '',
            labels: JSON.stringify(d.labels),
            resolved_at: resolvedAt,
          })
          .onConflict(['fingerprint', 'starts_at'])
          .ignore();
        if (resolvedAt) {
          // A resolution is final for this firing; repeats keep the first.
          await tx('ops_alert_events')
            .where(key)
            .whereNull('resolved_at')
            .update({ resolved_at: resolvedAt });
        }
      }
    });
  }

  async listSince(since: Date): Promise<AlertHistoryEvent[]> {
    const rows = await this.db('ops_alert_events')
      .where('starts_at', '>=', since)
      .orderBy('starts_at', 'asc');
    return rows.map(row => ({
      alertname: row.alertname,
      fingerprint: row.fingerprint,
      startsAt: toDate(row.starts_at).toISOString(),
      resolvedAt: row.resolved_at
        ? toDate(row.resolved_at).toISOString()
        : null,
      labels: JSON.parse(row.labels),
    }));
  }
}
