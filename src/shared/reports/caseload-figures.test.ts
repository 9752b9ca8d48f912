import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import {
  casemanagerFigures,
  employerPhaseFigures,
  phaseOfWeek,
  type CaseloadDossier,
} from './caseload-figures'

const d = isoDate
const period = { from: d('2025-01-01'), to: d('2025-06-30') }

const dossier = (over: Partial<CaseloadDossier>): CaseloadDossier => ({
  dossierId: 'x',
  casemanagerId: 'cm-1',
  employerId: 'w-1',
  active: true,
  sickWeek: 10,
  caseEnded: false,
  steps: [],
  dataWarnings: 0,
  ...over,
})

describe('casemanager figures', () => {
  const dossiers = [
    dossier({
      dossierId: 'a',
      steps: [
        { status: 'done', doneOn: d('2025-02-01') },
        { status: 'done-late', doneOn: d('2025-03-01') },
        { status: 'done', doneOn: d('2024-12-31') }, // before the period
        { status: 'overdue' },
        { status: 'overdue', kind: 'event' }, // events are never a casemanager's step
        { status: 'open' },
      ],
      dataWarnings: 2,
    }),
    dossier({
      dossierId: 'b',
      steps: [
        { status: 'done', doneOn: d('2025-06-30') },
        { status: 'done', doneOn: d('2025-07-01') }, // after the period
      ],
    }),
    dossier({
      dossierId: 'c',
      active: false,
      steps: [{ status: 'overdue' }, { status: 'done-late', doneOn: d('2025-01-15') }],
      dataWarnings: 5,
    }),
    dossier({ dossierId: 'd', casemanagerId: 'cm-2', steps: [{ status: 'overdue' }] }),
  ]

  it('counts steps done in the period on time and late, and what is overdue in active dossiers', () => {
    const [one, two] = casemanagerFigures(dossiers, period)
    expect(one).toEqual({
      casemanagerId: 'cm-1',
      activeDossiers: 2,
      stepsDoneOnTime: 2,
      stepsDoneLate: 2,
      onTimePercentage: 50,
      overdueSteps: 1,
      dossiersWithOverdue: 1,
      dataWarnings: 2,
    })
    expect(two?.casemanagerId).toBe('cm-2')
    expect(two?.onTimePercentage).toBeNull()
    expect(two?.overdueSteps).toBe(1)
  })
})

describe('phases of the 104 weeks', () => {
  it.each([
    [1, 'week-1-6'],
    [6, 'week-1-6'],
    [7, 'week-7-8'],
    [42, 'week-9-42'],
    [43, 'week-43-52'],
    [52, 'week-43-52'],
    [53, 'week-53-91'],
    [92, 'week-92-104'],
    [104, 'week-92-104'],
    [105, 'na-104'],
  ] as const)('week %i is %s', (week, phase) => {
    expect(phaseOfWeek(week)).toBe(phase)
  })

  it('counts only running cases of active dossiers per werkgever', () => {
    const figures = employerPhaseFigures([
      dossier({ dossierId: 'a', sickWeek: 3 }),
      dossier({ dossierId: 'b', sickWeek: 45, steps: [{ status: 'overdue' }] }),
      dossier({ dossierId: 'c', sickWeek: 45, caseEnded: true }),
      dossier({ dossierId: 'd', sickWeek: 60, active: false }),
      dossier({ dossierId: 'e', employerId: 'w-2', sickWeek: 100 }),
    ])
    expect(figures[0]?.activeCases).toBe(2)
    expect(figures[0]?.byPhase['week-1-6']).toBe(1)
    expect(figures[0]?.byPhase['week-43-52']).toBe(1)
    expect(figures[0]?.byPhase['week-53-91']).toBe(0)
    expect(figures[0]?.overdueSteps).toBe(1)
    expect(figures[1]?.byPhase['week-92-104']).toBe(1)
  })
})
