import { ANNOTATION_HEALTH_URL } from '../kinds/constants';

/**
 * The health URLs of an entity's `unyo.dev/health-url` annotation (comma
 * separated), trimmed, without blanks or repeats, in their order.
 *
 * @public
 */
export function healthUrlsOf(entity: {
  metadata: { annotations?: Record<string, string> };
}): string[] {
  const value = entity.metadata.annotations?.[ANNOTATION_HEALTH_URL] ?? '';
  return [
    ...new Set(
      value
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    ),
  ];
}
