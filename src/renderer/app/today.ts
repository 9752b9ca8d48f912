import { dateInAmsterdam, type IsoDate } from '../../shared/kernel/iso-date'

/** The clock at the edge (style.md rule 2): the rule core gets `today` as an argument. */
export function today(): IsoDate {
  return dateInAmsterdam(new Date())
}
