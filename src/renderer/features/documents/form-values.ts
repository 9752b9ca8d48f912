import { formatDutchDate, parseIsoDate, type IsoDate } from '../../../shared/kernel/iso-date'

/**
 * Stored content as form values: ISO dates become dd-mm-jjjj (what the date fields show), numbers
 * stay numbers, nested objects and arrays are walked.
 */
export function toFormValues<T>(value: T): T {
  if (typeof value === 'string') {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseIsoDate(value) : undefined
    return (d ? formatDutchDate(d) : value) as T
  }
  if (Array.isArray(value)) return value.map((v: unknown) => toFormValues(v)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, toFormValues(v as unknown)]),
    ) as T
  }
  return value
}

export const formDate = (d: IsoDate | undefined): string => (d ? formatDutchDate(d) : '')
