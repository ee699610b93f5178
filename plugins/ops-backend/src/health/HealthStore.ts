import { HealthState } from '@unyo/plugin-ops-common';
import { ProbeResult } from './types';

/** A stored probe without its checks, for strips and uptime. */
export interface HealthSample {
  url: string;
  checkedAt: Date;
  status: HealthState;
  latencyMs: number | null;
}

/** Probes that found an endpoint serving, of those that could tell. */
export interface UptimeCounts {
  serving: number;
  /** Probes with a known status (unknown ones say nothing about uptime). */
  known: number;
}

/** Where probe results live, per health URL. */
export interface HealthStore {
  addResults(results: ProbeResult[]): Promise<void>;
  /** The latest result of each URL that has one. */
  getLatest(urls: string[]): Promise<Map<string, ProbeResult>>;
  /** When the URL's status last became `status` (its first result if always so). */
  getSince(url: string, status: HealthState): Promise<Date | undefined>;
  getSamples(urls: string[], from: Date): Promise<HealthSample[]>;
  getUptime(urls: string[], from: Date): Promise<Map<string, UptimeCounts>>;
  /** Deletes results older than `before`. */
  prune(before: Date): Promise<number>;
}
