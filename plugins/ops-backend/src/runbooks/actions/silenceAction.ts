import { InputError, NotAllowedError } from '@backstage/errors';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertMatcher,
  SILENCE_DURATION_MINUTES,
  toAlertMatcher,
} from '@unyo/plugin-ops-common';
import { SilenceService } from '../../alerts/AlertService';
import { maySilence } from '../../alerts/DefaultAlertService';
import { loadRequiredMatchers } from '../../alerts/entitySelector';
import { escapeRegex } from '../../prometheus';
import {
  ActionContext,
  ActionRunner,
  RunAction,
  requireEntityRef,
} from '@unyo/plugin-ops-node';

const DEFAULT_MINUTES = 60;

/**
 * `alertmanager-silence` actions: silence the alerts the runbook answers
 * (`spec.alerts`) within the entity's alert selector, through the silence
 * service, so its permission (`ops.silence.create`) and scope checks apply.
 */
export class SilenceActionRunner implements ActionRunner {
  constructor(
    private readonly silences: SilenceService,
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
  ) {}

  async prepare(context: ActionContext): Promise<RunAction> {
    const { runbook, action, credentials } = context;
    const alerts = runbook.spec.alerts ?? [];
    if (alerts.length === 0) {
      throw new InputError(
        `${context.runbookRef} lists no alerts (spec.alerts): nothing to silence`,
      );
    }
    const durationMinutes = action.durationMinutes ?? DEFAULT_MINUTES;
    if (
      durationMinutes < SILENCE_DURATION_MINUTES.min ||
      durationMinutes > SILENCE_DURATION_MINUTES.max
    ) {
      throw new InputError(
        `durationMinutes of action ${action.id} must be between ${SILENCE_DURATION_MINUTES.min} and ${SILENCE_DURATION_MINUTES.max}`,
      );
    }
    const entityRef = requireEntityRef(context);
    // Checked here too, so a refusal is a 403 before anything is sent.
    if (!(await maySilence(this.permissions, credentials, entityRef))) {
      throw new NotAllowedError(
        'You are not allowed to create silences (permission ops.silence.create)',
      );
    }
    const selector = await loadRequiredMatchers(
      this.catalog,
      entityRef,
      credentials,
    );
    const alertname: AlertMatcher =
      alerts.length === 1
        ? { name: 'alertname', value: alerts[0], isRegex: false, isEqual: true }
        : {
            name: 'alertname',
            value: alerts.map(escapeRegex).join('|'),
            isRegex: true,
            isEqual: true,
          };
    const reason = context.parameters.reason;
    const comment = `Runbook ${context.runbookRef}, action ${action.id}${
      typeof reason === 'string' && reason ? `: ${reason}` : ''
    }`;
    return async () => {
      const created = await this.silences.create(
        {
          entityRef,
          matchers: [...selector.map(toAlertMatcher), alertname],
          durationMinutes,
          comment,
        },
        credentials,
      );
      const silenceIds = created.silences.map(s => s.silenceId);
      return {
        status: 'succeeded',
        output: {
          summary: `Silenced ${alerts.join(
            ', ',
          )} on ${entityRef} for ${durationMinutes} min`,
          silenceIds,
        },
      };
    };
  }
}
