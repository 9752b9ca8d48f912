import type { SickPeriod } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import { formatDutchDate, type IsoDate } from '../../shared/kernel/iso-date'
import { invalid } from './write'

const FAR_FUTURE = '9999-12-31'

/**
 * Rules across one dossier's sick periods (timeline-contract.md: chronological, non-overlapping,
 * only the last may be open, an end is never after today). Each failure names the form field.
 */
export function checkSickPeriods(
  candidate: Pick<SickPeriod, 'start' | 'end'>,
  siblings: readonly Pick<SickPeriod, 'start' | 'end'>[],
  today: IsoDate,
): Result<true> {
  if (candidate.end && candidate.end > today) {
    return invalid(
      'end',
      'De laatste ziektedag ligt in de toekomst. Een herstel wordt geregistreerd als het heeft plaatsgevonden.',
    )
  }
  const sorted = [...siblings].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  if (!candidate.end) {
    const later = sorted.find((other) => other.start > candidate.start)
    if (later) {
      return invalid(
        'end',
        `Alleen de laatste ziekteperiode mag open zijn: er is een latere ziekteperiode vanaf ${formatDutchDate(later.start)}. Vul de laatste ziektedag in.`,
      )
    }
  }
  for (const other of sorted) {
    const overlaps =
      candidate.start <= (other.end ?? FAR_FUTURE) && other.start <= (candidate.end ?? FAR_FUTURE)
    if (!overlaps) continue
    if (!other.end) {
      return invalid(
        'start',
        `Deze periode overlapt met de ziekteperiode vanaf ${formatDutchDate(other.start)}, die nog open is. Vul daar eerst de laatste ziektedag in.`,
      )
    }
    return invalid(
      'start',
      `Deze periode overlapt met de ziekteperiode van ${formatDutchDate(other.start)} t/m ${formatDutchDate(other.end)}.`,
    )
  }
  return { ok: true, value: true }
}
