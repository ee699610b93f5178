import { latencyHistogram } from './histogram';
import { ServiceModel } from './service';
import { CumulativeSeries, MetricFamily } from './series';

const CODES = [
  { code: 'OK', failing: false, share: 1 },
  { code: 'UNAVAILABLE', failing: true, share: 0.4 },
  { code: 'INTERNAL', failing: true, share: 0.6 },
];

/** gRPC server metrics; traffic is spread evenly over the methods. */
export function grpcFamilies(model: ServiceModel): MetricFamily[] {
  const grpc = model.spec.grpc;
  if (!grpc || grpc.methods.length === 0) return [];
  const methodShare = 1 / grpc.methods.length;
  const methodLabels = (method: string) => ({
    ...model.baseLabels,
    grpc_service: grpc.service,
    grpc_method: method,
  });

  const handled = (
    method: string,
    c: (typeof CODES)[number],
  ): CumulativeSeries => ({
    kind: 'cumulative',
    labels: { ...methodLabels(method), grpc_code: c.code },
    presentAt: tick => !model.isDown(tick),
    ratesAt(tick) {
      const errors = model.errorRatioAt(tick);
      const outcome = c.failing ? errors : 1 - errors;
      return [model.trafficAt(tick) * methodShare * outcome * c.share];
    },
  });

  return [
    {
      name: 'grpc_server_handled_total',
      type: 'counter',
      help: 'RPCs completed on the server, by code',
      series: grpc.methods.flatMap(m => CODES.map(c => handled(m, c))),
    },
    {
      name: 'grpc_server_handling_seconds',
      type: 'histogram',
      help: 'RPC handling latency on the server',
      series: grpc.methods.map(m =>
        latencyHistogram(model, methodLabels(m), methodShare),
      ),
    },
  ];
}
