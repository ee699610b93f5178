import { latencyHistogram } from './histogram';
import { ServiceModel } from './service';
import { CumulativeSeries, MetricFamily } from './series';

/** How successful and failing requests split over method and code. */
const OK_SPLIT = [
  { method: 'GET', code: '200', share: 0.7 },
  { method: 'POST', code: '201', share: 0.15 },
  { method: 'POST', code: '200', share: 0.08 },
  { method: 'GET', code: '404', share: 0.07 },
];
const ERROR_SPLIT = [
  { method: 'GET', code: '500', share: 0.4 },
  { method: 'POST', code: '500', share: 0.2 },
  { method: 'GET', code: '503', share: 0.25 },
  { method: 'POST', code: '503', share: 0.15 },
];

export function httpFamilies(model: ServiceModel): MetricFamily[] {
  const requests = (
    method: string,
    code: string,
    share: number,
    failing: boolean,
  ): CumulativeSeries => ({
    kind: 'cumulative',
    labels: { ...model.baseLabels, method, code },
    presentAt: tick => !model.isDown(tick),
    ratesAt(tick) {
      const errors = model.errorRatioAt(tick);
      const outcome = failing ? errors : 1 - errors;
      return [model.trafficAt(tick) * outcome * share];
    },
  });
  return [
    {
      name: 'http_requests_total',
      type: 'counter',
      help: 'HTTP requests handled, by method and status code',
      series: [
        ...OK_SPLIT.map(s => requests(s.method, s.code, s.share, false)),
        ...ERROR_SPLIT.map(s => requests(s.method, s.code, s.share, true)),
      ],
    },
    {
      name: 'http_request_duration_seconds',
      type: 'histogram',
      help: 'HTTP request latency',
      series: [latencyHistogram(model, model.baseLabels, 1)],
    },
  ];
}
