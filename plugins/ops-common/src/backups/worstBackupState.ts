import type { BackupState } from './types';

const SEVERITY: Record<BackupState, number> = {
  ok: 0,
  unknown: 1,
  late: 2,
  failing: 3,
  breached: 4,
};

/** The worst of some states (breached, failing, late, unknown, ok in that order); null for none. @public */
export function worstBackupState(states: BackupState[]): BackupState | null {
  let worst: BackupState | null = null;
  for (const s of states) {
    if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  }
  return worst;
}
