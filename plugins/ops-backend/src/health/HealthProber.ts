import { GrpcHealthProbe } from './GrpcHealthProbe';
import { HttpHealthProbe } from './HttpHealthProbe';
import { TlsHealthProbe } from './TlsHealthProbe';
import { HealthProtocol, healthTarget } from '../lib/allowedHosts';
import { HealthProbe, ProbeOptions, ProbeResult } from './types';

/**
 * Probes health URLs by scheme, and only those ops.health.allowedHosts
 * allows: for any other the answer is undefined and no connection is made.
 */
export class HealthProber {
  constructor(
    private readonly options: ProbeOptions,
    private readonly probes: Record<HealthProtocol, HealthProbe> = {
      http: new HttpHealthProbe(),
      grpc: new GrpcHealthProbe(),
      tls: new TlsHealthProbe(),
    },
  ) {}

  async probe(rawUrl: string): Promise<ProbeResult | undefined> {
    const target = healthTarget(rawUrl, this.options.allowedHosts);
    if (!target.probe) return undefined;
    const result = await this.probes[target.protocol].probe(
      target.url,
      this.options,
    );
    // Results are kept under the URL as the annotation spells it.
    return { ...result, url: rawUrl };
  }
}
