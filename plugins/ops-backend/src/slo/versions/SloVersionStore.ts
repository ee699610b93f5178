import { DatabaseService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { SliEntity, SloEntity, SloVersion } from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { chunks, migratedClient, toDate } from '../../database/util';
import { definitionChanges, sloDefinition } from './sloDefinition';

const TABLE = 'ops_slo_versions';

/** SLO versions: recorded by the evaluator's rounds, read by the report. */
export interface SloVersions {
  /** Starts a version for each SLO seen for the first time or changed. */
  observe(
    slos: SloEntity[],
    slis: Map<string, SliEntity>,
    now: Date,
  ): Promise<void>;
  /** SLO ref → its versions, oldest first (refs without any are absent). */
  list(sloRefs: string[]): Promise<Map<string, SloVersion[]>>;
}

type Row = {
  slo_ref: string;
  version: number;
  since: unknown;
  target: number;
  time_window: string;
  queries_hash: string;
  changes: string;
};

/** The versions in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseSloVersions implements SloVersions {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSloVersions> {
    return new DatabaseSloVersions(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  private async latest(refs: string[]): Promise<Map<string, Row>> {
    const latest = new Map<string, Row>();
    for (const part of chunks(refs)) {
      // Versions are few per SLO: read them all, keep each SLO's last.
      const rows: Row[] = await this.db(TABLE)
        .whereIn('slo_ref', part)
        .orderBy('version');
      for (const row of rows) latest.set(row.slo_ref, row);
    }
    return latest;
  }

  async observe(
    slos: SloEntity[],
    slis: Map<string, SliEntity>,
    now: Date,
  ): Promise<void> {
    const refs = slos.map(s => stringifyEntityRef(s));
    const latest = await this.latest(refs);
    const inserts: Row[] = [];
    slos.forEach((slo, i) => {
      const definition = sloDefinition(slo, slis);
      // An SLO without a usable target is in error; it gets a version once fixed.
      if (!Number.isFinite(definition.target)) return;
      const last = latest.get(refs[i]);
      const changes = last
        ? definitionChanges(
            {
              target: Number(last.target),
              timeWindow: JSON.parse(last.time_window),
              queriesHash: last.queries_hash,
            },
            definition,
          )
        : [];
      if (last && !changes.length) return;
      inserts.push({
        slo_ref: refs[i],
        version: last ? Number(last.version) + 1 : 1,
        since: now,
        target: definition.target,
        time_window: JSON.stringify(definition.timeWindow),
        queries_hash: definition.queriesHash,
        changes: JSON.stringify(changes),
      });
    });
    // Two replicas seeing the same change insert the same key: one wins.
    for (const part of chunks(inserts)) {
      await this.db(TABLE)
        .insert(part)
        .onConflict(['slo_ref', 'version'])
        .ignore();
    }
  }

  async list(sloRefs: string[]): Promise<Map<string, SloVersion[]>> {
    const result = new Map<string, SloVersion[]>();
    for (const part of chunks(sloRefs)) {
      const rows: Row[] = await this.db(TABLE)
        .whereIn('slo_ref', part)
        .orderBy(['slo_ref', 'version']);
      for (const row of rows) {
        const versions = result.get(row.slo_ref) ?? [];
        versions.push({
          version: Number(row.version),
          since: toDate(row.since).toISOString(),
          target: Number(row.target),
          timeWindow: JSON.parse(row.time_window),
          changes: JSON.parse(row.changes),
        });
        result.set(row.slo_ref, versions);
      }
    }
    return result;
  }
}
