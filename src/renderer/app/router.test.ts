import { describe, expect, it } from 'vitest'
import { parseHash, toHash, type Route } from './router'

describe('hash routes', () => {
  it.each<Route>([
    { name: 'caseload' },
    { name: 'new-dossier' },
    { name: 'employers' },
    { name: 'data' },
    { name: 'dossier', id: 'abc-123', tab: 'contactmomenten' },
    { name: 'sync' },
    { name: 'conflicts' },
    { name: 'conflicts', dossierId: 'abc-123' },
  ])('round-trips %o', (route) => {
    expect(parseHash(toHash(route))).toEqual(route)
  })

  it('falls back to the overview tab and to the caseload for unknown hashes', () => {
    expect(parseHash('#/dossiers/x/onbekend')).toEqual({
      name: 'dossier',
      id: 'x',
      tab: 'overzicht',
    })
    expect(parseHash('#/iets')).toEqual({ name: 'caseload' })
  })
})
