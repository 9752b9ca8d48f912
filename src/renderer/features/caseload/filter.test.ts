import { describe, expect, it } from 'vitest'
import { foldForSearch as normalizeSearch } from '../../../shared/kernel/text'
import { filterCaseload } from './filter'

const rows = [
  {
    id: 1,
    searchText: normalizeSearch('Sanne de Vries Bakkerij Jansen 111222333'),
    employerId: 'a',
    status: 'actief',
  },
  {
    id: 2,
    searchText: normalizeSearch('Mehmet Özdemir Installatiebedrijf Kok 123456782'),
    employerId: 'b',
    status: 'actief',
  },
  {
    id: 3,
    searchText: normalizeSearch('Anna Jansen Installatiebedrijf Kok 012345672'),
    employerId: 'b',
    status: 'hersteld',
  },
]

describe('caseload search', () => {
  it('matches every term on name, employer or BSN, ignoring case and accents', () => {
    expect(
      filterCaseload(rows, { query: 'jansen', employerId: '', status: '' }).map((r) => r.id),
    ).toEqual([1, 3])
    expect(
      filterCaseload(rows, { query: 'ozdemir', employerId: '', status: '' }).map((r) => r.id),
    ).toEqual([2])
    expect(
      filterCaseload(rows, { query: '12345', employerId: '', status: '' }).map((r) => r.id),
    ).toEqual([2, 3])
    expect(
      filterCaseload(rows, { query: 'anna kok', employerId: '', status: '' }).map((r) => r.id),
    ).toEqual([3])
  })

  it('combines search with the employer and status filters', () => {
    expect(
      filterCaseload(rows, { query: '', employerId: 'b', status: 'actief' }).map((r) => r.id),
    ).toEqual([2])
    expect(
      filterCaseload(rows, { query: 'jansen', employerId: 'a', status: '' }).map((r) => r.id),
    ).toEqual([1])
  })
})
