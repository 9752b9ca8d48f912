import type { SickPeriod } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import { formatDutchDate, type IsoDate } from '../../shared/kernel/iso-date'
import { invalid } from './write'

/**
 * Rules across one dossier's sick periods (timeline-contract.md: chronological,
 * non-overlapping, only the last may be open, an end is never after today).
 */
export function checkSickPeriods(
  candidate: SickPeriod,
  siblings: readonly SickPeriod[],
  today: IsoDate,
): Result<true> {
  if (candidate.end && candidate.end > today) {
    return invalid(
      'end',
      'De laatste ziektedag ligt in de toekomst. Een herstel wordt geregistreerd als het heeft plaatsgevonden.',
    )
  }
  const far = '9999-12-31'
  for (const other of siblings) {
    const overlaps = candidate.start <= (other.end ?? far) && other.start <= (candidate.end ?? far)
    if (overlaps) {
      const until = other.end ? `t/m ${formatDutchDate(other.end)}` : '(nog open)'
      return invalid(
        'start',
        `Deze periode overlapt met de ziekteperiode van ${formatDutchDate(other.start)} ${until}.`,
      )
    }
    if (!candidate.end && other.start > candidate.start) {
      return invalid(
        'end',
        'Alleen de laatste ziekteperiode mag open zijn: vul de laatste ziektedag in.',
      )
    }
  }
  return { ok: true, value: true }
}
