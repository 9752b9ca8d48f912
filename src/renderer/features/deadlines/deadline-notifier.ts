import { daysBetween, type IsoDate } from '../../../shared/kernel/iso-date'
import type { RankedRow } from './deadline-views'

export type DeadlineNotice = { readonly title: string; readonly body: string }

/** Steps past their deadline over the whole caseload: the number on the dock or taskbar badge. */
export function overdueCount(rows: readonly RankedRow[]): number {
  let n = 0
  for (const row of rows)
    for (const m of row.timeline?.milestones ?? []) if (m.status === 'overdue') n++
  return n
}

/**
 * The one daily notification about deadlines: counts only, no names (a notification can show
 * on a locked screen or a projector; the details are in the app). Undefined when there is
 * nothing to say, when disabled, or when today's notice was already shown.
 */
export function deadlineNotice(
  rows: readonly RankedRow[],
  today: IsoDate,
  settings: {
    readonly notifyEnabled: boolean
    readonly notifyDaysAhead: number
    readonly lastNotifiedOn?: string
  },
): DeadlineNotice | undefined {
  if (!settings.notifyEnabled || settings.lastNotifiedOn === today) return undefined
  let overdue = 0
  let soon = 0
  for (const row of rows) {
    for (const m of row.timeline?.milestones ?? []) {
      if (m.status === 'overdue') overdue++
      else if (
        (m.status === 'open' || m.status === 'due-soon') &&
        daysBetween(today, m.due) <= settings.notifyDaysAhead
      )
        soon++
    }
  }
  if (overdue === 0 && soon === 0) return undefined
  const parts = [
    overdue > 0 ? `${overdue} ${overdue === 1 ? 'termijn is' : 'termijnen zijn'} verstreken` : '',
    soon > 0
      ? `${soon} ${soon === 1 ? 'termijn verloopt' : 'termijnen verlopen'} binnen ${settings.notifyDaysAhead} dagen`
      : '',
  ].filter(Boolean)
  return {
    title: 'Hervat: termijnen',
    body: `${parts.join('; ')}. Open de caseload voor de details.`,
  }
}
