// Small time helpers shared by the target and drill evaluations.
import { parseBackupDuration } from './duration';
import type { BackupRun } from './backupRun';

export function newest(dates: Array<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const d of dates) {
    if (d && !Number.isNaN(d.getTime()) && (!best || d > best)) best = d;
  }
  return best;
}

export function newestRun(runs: BackupRun[]): BackupRun | null {
  let best: BackupRun | null = null;
  for (const run of runs) {
    if (!best || run.finishedAt > best.finishedAt) best = run;
  }
  return best;
}

export function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

export function durationOrNull(value: string | undefined): number | null {
  return value === undefined ? null : parseBackupDuration(value);
}
