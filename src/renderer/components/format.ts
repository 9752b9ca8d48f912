import type { IsoDate } from '../../shared/kernel/iso-date'
import { formatDutchDate } from '../../shared/kernel/iso-date'

export const showDate = (d: IsoDate | undefined | null): string => (d ? formatDutchDate(d) : '—')
export const editDate = (d: IsoDate | undefined | null): string => (d ? formatDutchDate(d) : '')
export const showNumber = (n: number | undefined): string =>
  n === undefined ? '—' : n.toLocaleString('nl-NL', { maximumFractionDigits: 2 })
export const editNumber = (n: number | undefined): string =>
  n === undefined ? '' : n.toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: false })
export const showEuro = (n: number | undefined): string =>
  n === undefined ? '—' : n.toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' })
export const showDateTime = (v: string | undefined): string =>
  v ? `${formatDutchDate(v.slice(0, 10) as IsoDate)} ${v.slice(11, 16)}` : '—'
