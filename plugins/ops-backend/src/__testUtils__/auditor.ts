import { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/** One event the plugin wrote to the auditor, and how it ended. */
export interface RecordedAuditEvent {
  eventId: string;
  meta?: AuditorServiceCreateEventOptions['meta'];
  /** Everything createEvent was given (severityLevel, request ...). */
  options: AuditorServiceCreateEventOptions;
  outcome?: 'success' | 'fail';
  error?: Error;
}

/**
 * An auditor that keeps the events it is given, in order: the real one
 * writes to the root logger, which a test cannot read back.
 */
export function recordingAuditor() {
  const events: RecordedAuditEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: RecordedAuditEvent = {
        eventId: options.eventId,
        meta: options.meta,
        options,
      };
      events.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async ({ error }) => {
          event.outcome = 'fail';
          event.error = error;
        },
      };
    },
  });
  return { factory: auditor.factory, events };
}
