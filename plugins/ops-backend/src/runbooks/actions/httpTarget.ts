import { OpsRunbookTargetConfig } from '../../config/OpsConfig';
import { AllowList, parseAllowList } from '../allowList';
import { PinnedUrl, Resolver, pinUrl } from '../pinnedRequest';

/** A target of `ops.runbooks.targets`, with the hosts it may reach. */
export interface HttpTarget {
  config: OpsRunbookTargetConfig;
  allowList: AllowList;
  allowListKey: string;
  /** Resolves host names for the check (DNS when not given). */
  resolve?: Resolver;
}

export function httpTargetOf(
  config: OpsRunbookTargetConfig,
  resolve?: Resolver,
): HttpTarget {
  const allowListKey = `ops.runbooks.targets.${config.name}.allowedHosts`;
  return {
    config,
    allowList: parseAllowList(config.allowedHosts, allowListKey),
    allowListKey,
    resolve,
  };
}

/** Checks a URL against the target's allowed hosts: throws HostRefusedError if not. */
export function pinForTarget(url: URL, target: HttpTarget): Promise<PinnedUrl> {
  return pinUrl(url, target.allowList, target.allowListKey, target.resolve);
}
