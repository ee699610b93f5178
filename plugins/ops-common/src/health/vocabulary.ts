import { HealthState } from './types';

// Words health endpoints use, lower case with `-`/space folded to `_`
// (Spring's OUT_OF_SERVICE, gRPC's NOT_SERVING, Kubernetes' ok, IETF's pass).
const UP = new Set([
  'ok',
  'up',
  'pass',
  'passed',
  'passing',
  'healthy',
  'connected',
  'serving',
  'green',
  'available',
  'ready',
  'live',
  'alive',
  'running',
  'online',
  'true',
]);
const DEGRADED = new Set([
  'degraded',
  'warn',
  'warning',
  'yellow',
  'partial',
  'slow',
  'impaired',
]);
const DOWN = new Set([
  'down',
  'fail',
  'failed',
  'failing',
  'error',
  'unhealthy',
  'disconnected',
  'not_serving',
  'unavailable',
  'out_of_service',
  'red',
  'critical',
  'offline',
  'dead',
  'false',
  'not_ready',
]);

/**
 * A status word (or boolean) of a health body in Unyo's vocabulary.
 *
 * @public
 */
export function healthStateOf(value: unknown): HealthState | undefined {
  if (typeof value === 'boolean') return value ? 'up' : 'down';
  if (typeof value !== 'string') return undefined;
  const word = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (UP.has(word)) return 'up';
  if (DEGRADED.has(word)) return 'degraded';
  if (DOWN.has(word)) return 'down';
  return undefined;
}

const RANK: Record<HealthState, number> = {
  up: 0,
  unknown: 1,
  degraded: 2,
  down: 3,
};

/**
 * The worst of some states. Unknown ranks between up and degraded: not
 * knowing is worse than knowing all is well, better than knowing it is not.
 *
 * @public
 */
export function worstHealthState(states: HealthState[]): HealthState {
  return states.reduce<HealthState>(
    (worst, s) => (RANK[s] > RANK[worst] ? s : worst),
    'up',
  );
}

/**
 * Whether the endpoint serves: up or degraded count towards uptime.
 *
 * @public
 */
export function isServing(state: HealthState): boolean {
  return state === 'up' || state === 'degraded';
}
