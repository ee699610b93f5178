import {
  IncidentWindow,
  ServiceCondition,
  conditionAt,
  incidentWindows,
} from './incidents';
import { LogNormal, fitLogNormal } from './latency';
import { hashKey, smooth, white } from './noise';
import { tickOf, TICK_MS } from './time';
import { dailyCurve } from './traffic';
import { ServiceSpec } from './types';

export interface ModelOptions {
  /** When the history was generated; incidents are placed relative to it. */
  anchorMs: number;
  /** Where counters start from zero (the start of the history). */
  originMs: number;
  seed: number;
}

/** Ticks over which the slow traffic drift moves from one level to the next. */
const DRIFT_TICKS = 90;

/** The behaviour shared by all series of one service. */
export class ServiceModel {
  readonly windows: IncidentWindow[];
  readonly originTick: number;
  private readonly trafficKey: number;
  private readonly errorKey: number;
  private readonly latencyKey: number;
  private readonly baseLatency: LogNormal;

  constructor(readonly spec: ServiceSpec, readonly options: ModelOptions) {
    this.windows = incidentWindows(spec.incidents, options.anchorMs);
    this.originTick = tickOf(options.originMs);
    this.trafficKey = hashKey(options.seed, `${spec.service}/traffic`);
    this.errorKey = hashKey(options.seed, `${spec.service}/errors`);
    this.latencyKey = hashKey(options.seed, `${spec.service}/latency`);
    this.baseLatency = fitLogNormal(
      spec.latencySeconds.p50,
      spec.latencySeconds.p99,
    );
  }

  conditionAt(tick: number): ServiceCondition {
    return conditionAt(this.windows, tick);
  }

  isDown(tick: number): boolean {
    return this.conditionAt(tick).down;
  }

  /** Requests per second during a tick: daily curve, slow drift, minute noise. */
  trafficAt(tick: number): number {
    if (tick < this.originTick || this.isDown(tick)) return 0;
    const drift = 0.12 * smooth(this.trafficKey, tick, DRIFT_TICKS);
    const jitter = 0.04 * white(this.trafficKey, tick);
    return (
      this.spec.requestsPerSecond *
      dailyCurve(tick * TICK_MS) *
      (1 + drift + jitter)
    );
  }

  /** Share of failing requests: the incident's ratio, else a noisy baseline. */
  errorRatioAt(tick: number): number {
    const incident = this.conditionAt(tick).errorRatio;
    const base = incident ?? this.spec.errorRatio;
    // Baseline errors come in small bursts; an incident's ratio holds steadier.
    const spread = incident === undefined ? 0.6 : 0.1;
    return Math.min(1, base * (1 + spread * white(this.errorKey, tick)));
  }

  latencyAt(tick: number): LogNormal {
    const factor = this.conditionAt(tick).latencyFactor;
    const wobble = 0.05 * smooth(this.latencyKey, tick, DRIFT_TICKS);
    return {
      mu: this.baseLatency.mu + Math.log(factor) + wobble,
      sigma: this.baseLatency.sigma,
    };
  }

  get baseLabels(): { service: string; system: string } {
    return { service: this.spec.service, system: this.spec.system };
  }
}
