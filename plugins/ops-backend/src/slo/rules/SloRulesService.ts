import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  generateSloRules,
  getSloServiceRef,
  isRunbookEntity,
  SloRuleFilter,
  SloRuleOptions,
  SloRuleSet,
} from '@unyo/plugin-ops-common';
import { loadSlos } from '../evaluation/catalogSlos';

/** `ops.slo.rules` and `app.baseUrl`: the names and links of generated rules. */
export function readSloRuleOptions(config: Config): SloRuleOptions {
  const rules = config.getOptionalConfig('ops.slo.rules');
  return {
    alertName: rules?.getOptionalString('alertName'),
    severityLabel: rules?.getOptionalString('severityLabel'),
    severities: {
      page: rules?.getOptionalString('severities.page'),
      ticket: rules?.getOptionalString('severities.ticket'),
    },
    labels: readStringMap(rules, 'labels'),
    annotations: readStringMap(rules, 'annotations'),
    sloUrlAnnotation: rules?.getOptionalString('sloUrlAnnotation'),
    portalBaseUrl: config.getOptionalString('app.baseUrl'),
  };
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `ops.slo.rules.labels` / `.annotations`: label names to strings, or a startup error naming the key. */
function readStringMap(
  rules: Config | undefined,
  key: 'labels' | 'annotations',
): Record<string, string> | undefined {
  const map = rules?.getOptionalConfig(key);
  if (!map) return undefined;
  const out: Record<string, string> = {};
  for (const name of map.keys()) {
    if (!LABEL_NAME.test(name)) {
      throw new InputError(
        `ops.slo.rules.${key}.${name}: "${name}" is not a label name`,
      );
    }
    out[name] = map.getString(name);
  }
  return out;
}

/** Generates the rules of the SLOs the caller may read (docs/generated-rules.md). */
export class SloRulesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly options: SloRuleOptions,
  ) {}

  async generate(
    filter: SloRuleFilter,
    credentials: BackstageCredentials,
  ): Promise<SloRuleSet> {
    const { catalog } = this;
    const { slos, slis } = await loadSlos(catalog, credentials);
    const measured = [...new Set(slos.flatMap(s => safeRef(s)))];
    const [{ items: entities }, runbooks] = await Promise.all([
      measured.length
        ? catalog.getEntitiesByRefs({ entityRefs: measured }, { credentials })
        : { items: [] },
      catalog.getEntities({ filter: { kind: 'Runbook' } }, { credentials }),
    ]);
    return generateSloRules(
      {
        slos,
        slis: [...slis.values()],
        entities: (entities as Array<Entity | null | undefined>).flatMap(e =>
          e ? [e] : [],
        ),
        runbooks: runbooks.items.filter(isRunbookEntity),
      },
      this.options,
      filter,
    );
  }
}

function safeRef(slo: Parameters<typeof getSloServiceRef>[0]): string[] {
  try {
    return [getSloServiceRef(slo)];
  } catch {
    return [];
  }
}
