import { foldForSearch } from '../../../shared/kernel/text'

/** Search and filters of the caseload, kept pure so they are cheap per keystroke and testable. */
export type CaseloadFilter = {
  readonly query: string
  readonly employerId: string
  readonly status: string
}

export type Filterable = {
  readonly searchText: string
  readonly employerId: string
  readonly status: string
}

export function filterCaseload<T extends Filterable>(
  rows: readonly T[],
  filter: CaseloadFilter,
): T[] {
  const terms = foldForSearch(filter.query).split(/\s+/).filter(Boolean)
  return rows.filter(
    (r) =>
      (!filter.employerId || r.employerId === filter.employerId) &&
      (!filter.status || r.status === filter.status) &&
      terms.every((t) => r.searchText.includes(t)),
  )
}
