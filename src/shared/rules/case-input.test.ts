import { describe, expect, it } from 'vitest'
import { parseTimelineCase, parseTimelineCases } from './case-input'

const ok = { today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] }

describe('a valid case passes the boundary unchanged in meaning', () => {
  it('accepts the minimal case, an explicit null end and every optional field', () => {
    expect(parseTimelineCase(ok).ok).toBe(true)
    expect(
      parseTimelineCase({
        today: '2025-03-01',
        profile: 'goudse-op-maat',
        sickPeriods: [
          { start: '2024-12-02', end: '2024-12-20' },
          { start: '2025-01-06', end: null },
        ],
        leaves: [{ start: '2024-12-21', end: '2024-12-31' }],
        sameCauseAroundLeave: false,
        reportedByEmployee: '2025-01-06',
        done: { 'melding-arbodienst': '2025-01-08', probleemanalyse: '2024-12-10' },
      }).ok,
    ).toBe(true)
  })
  it('accepts periods that touch (a gap of 0 days)', () => {
    expect(
      parseTimelineCase({
        today: '2025-03-01',
        sickPeriods: [{ start: '2025-01-06', end: '2025-01-10' }, { start: '2025-01-11' }],
      }).ok,
    ).toBe(true)
  })
})

describe('every invalid input is refused with one message naming the field', () => {
  it.each([
    [
      'today missing',
      { sickPeriods: ok.sickPeriods },
      'today is missing (must be a date YYYY-MM-DD)',
    ],
    ['today not a string', { ...ok, today: 20250301 }, 'today must be a date YYYY-MM-DD'],
    [
      'today not a real date',
      { ...ok, today: '2025-02-30' },
      'today is not a valid date YYYY-MM-DD: "2025-02-30"',
    ],
    [
      'today in Dutch notation',
      { ...ok, today: '01-03-2025' },
      'today is not a valid date YYYY-MM-DD: "01-03-2025"',
    ],
    [
      'sickPeriods missing',
      { today: ok.today },
      'sickPeriods is missing (must be an array of sick periods)',
    ],
    [
      'sickPeriods not an array',
      { ...ok, sickPeriods: {} },
      'sickPeriods must be an array of sick periods',
    ],
    [
      'sickPeriods empty',
      { ...ok, sickPeriods: [] },
      'sickPeriods must contain at least one sick period',
    ],
    [
      'a period not an object',
      { ...ok, sickPeriods: ['2025-01-06'] },
      'sickPeriods[0] must be an object { start, end? }',
    ],
    [
      'a start missing',
      { ...ok, sickPeriods: [{}] },
      'sickPeriods[0].start is missing (must be a date YYYY-MM-DD)',
    ],
    [
      'a bad start',
      { ...ok, sickPeriods: [{ start: '2025-1-6' }] },
      'sickPeriods[0].start is not a valid date YYYY-MM-DD: "2025-1-6"',
    ],
    [
      'a bad end',
      { ...ok, sickPeriods: [{ start: '2025-01-06', end: '2025-02-29' }] },
      'sickPeriods[0].end is not a valid date YYYY-MM-DD: "2025-02-29"',
    ],
    [
      'end before start',
      { ...ok, sickPeriods: [{ start: '2025-01-06', end: '2025-01-05' }] },
      'sickPeriods[0].end is before start',
    ],
    [
      'end after today',
      { ...ok, sickPeriods: [{ start: '2025-01-06', end: '2025-03-02' }] },
      'sickPeriods[0].end is after today (a recovery is registered when it has happened)',
    ],
    [
      'an open period that is not the last',
      { ...ok, sickPeriods: [{ start: '2025-01-06' }, { start: '2025-02-06' }] },
      'sickPeriods[0].end is missing: only the last period may be open',
    ],
    [
      'overlapping periods',
      { ...ok, sickPeriods: [{ start: '2025-01-06', end: '2025-01-20' }, { start: '2025-01-20' }] },
      'sickPeriods[1].start overlaps or precedes the previous period (periods must be chronological)',
    ],
    [
      'periods out of order',
      {
        ...ok,
        sickPeriods: [
          { start: '2025-02-01', end: '2025-02-10' },
          { start: '2025-01-06', end: '2025-01-08' },
        ],
      },
      'sickPeriods[1].start overlaps or precedes the previous period (periods must be chronological)',
    ],
    [
      'an unknown profile',
      { ...ok, profile: 'nn-verzuim' },
      'profile must be one of wettelijk, amersfoortse-ontzorgmanager, asr-reintegratiemanager, goudse-op-maat, asr-mkb-verzuim-ontzorg',
    ],
    ['leaves not an array', { ...ok, leaves: {} }, 'leaves must be an array of leaves'],
    [
      'a leave without end',
      { ...ok, leaves: [{ start: '2025-01-10' }] },
      'leaves[0].end is missing (must be a date YYYY-MM-DD)',
    ],
    [
      'a leave ending before it starts',
      { ...ok, leaves: [{ start: '2025-02-06', end: '2025-02-01' }] },
      'leaves[0].end is before start',
    ],
    [
      'sameCauseAroundLeave not a boolean',
      { ...ok, sameCauseAroundLeave: 'ja' },
      'sameCauseAroundLeave must be true or false',
    ],
    [
      'a bad reportedByEmployee',
      { ...ok, reportedByEmployee: '' },
      'reportedByEmployee is not a valid date YYYY-MM-DD: ""',
    ],
    [
      'done not an object',
      { ...ok, done: ['probleemanalyse'] },
      'done must be an object mapping deadline keys to dates',
    ],
    [
      'an unknown done key',
      { ...ok, done: { 'plan-van-aanpak': '2025-02-01', spoor2: '2025-02-01' } },
      'done.spoor2 is not a deadline key (one of melding-arbodienst, probleemanalyse, plan-van-aanpak, melding-uwv-42, eerstejaarsevaluatie, re-integratieverslag, wia-aanvraag)',
    ],
    [
      'a bad done date',
      { ...ok, done: { probleemanalyse: '2025-13-01' } },
      'done.probleemanalyse is not a valid date YYYY-MM-DD: "2025-13-01"',
    ],
    // Contract version 2 (docs/timeline-contract.md "Invalid input").
    ['reports not an array', { ...ok, reports: {} }, 'reports must be an array of reports'],
    [
      'a report that is not an object',
      { ...ok, reports: ['ziekmelding'] },
      'reports[0] must be an object { kind, on, reportedOn? }',
    ],
    [
      'a report of an unknown kind',
      { ...ok, reports: [{ kind: 'deelherstel', on: '2025-01-20' }] },
      'reports[0].kind must be one of ziekmelding, wijziging, herstelmelding, loonsanctie',
    ],
    [
      'a report without a kind',
      { ...ok, reports: [{ on: '2025-01-20' }] },
      'reports[0].kind is missing (must be one of ziekmelding, wijziging, herstelmelding, loonsanctie)',
    ],
    [
      'a report without on',
      { ...ok, reports: [{ kind: 'wijziging' }] },
      'reports[0].on is missing (must be a date YYYY-MM-DD)',
    ],
    [
      'a report whose on is not a date',
      { ...ok, reports: [{ kind: 'wijziging', on: '2025-02-30' }] },
      'reports[0].on is not a valid date YYYY-MM-DD: "2025-02-30"',
    ],
    [
      'a report on a day after today',
      { ...ok, reports: [{ kind: 'herstelmelding', on: '2025-03-02' }] },
      'reports[0].on is after today',
    ],
    [
      'a reportedOn that is not a date',
      { ...ok, reports: [{ kind: 'ziekmelding', on: '2025-01-20', reportedOn: 20250121 }] },
      'reports[0].reportedOn must be a date YYYY-MM-DD',
    ],
    [
      'a reportedOn after today (the second report)',
      {
        ...ok,
        reports: [
          { kind: 'ziekmelding', on: '2025-01-20', reportedOn: '2025-01-21' },
          { kind: 'wijziging', on: '2025-02-01', reportedOn: '2025-03-02' },
        ],
      },
      'reports[1].reportedOn is after today',
    ],
    [
      'guaranteeEvents not an array',
      { ...ok, guaranteeEvents: 'module-ended' },
      'guaranteeEvents must be an array of guarantee events',
    ],
    [
      'a guarantee event that is not an object',
      { ...ok, guaranteeEvents: [null] },
      'guaranteeEvents[0] must be an object { ground, on }',
    ],
    [
      'a ground outside the table',
      { ...ok, guaranteeEvents: [{ ground: 'late-payment', on: '2025-02-01' }] },
      'guaranteeEvents[0].ground must be one of module-ended, services-suspended, information-late, no-cooperation, advice-not-followed, guarantee-withdrawn, voluntary-extension, sanction-handling, other-breach',
    ],
    [
      'a guarantee event without on',
      { ...ok, guaranteeEvents: [{ ground: 'module-ended' }] },
      'guaranteeEvents[0].on is missing (must be a date YYYY-MM-DD)',
    ],
    [
      'a guarantee event whose on is not a date',
      { ...ok, guaranteeEvents: [{ ground: 'module-ended', on: '1-1-2026' }] },
      'guaranteeEvents[0].on is not a valid date YYYY-MM-DD: "1-1-2026"',
    ],
    [
      'moduleStart not a date',
      { ...ok, moduleStart: '2025-04-31' },
      'moduleStart is not a valid date YYYY-MM-DD: "2025-04-31"',
    ],
    [
      'employmentStart not a date',
      { ...ok, employmentStart: true },
      'employmentStart must be a date YYYY-MM-DD',
    ],
    [
      'guaranteeOnPolicy not a boolean',
      { ...ok, guaranteeOnPolicy: 'nee' },
      'guaranteeOnPolicy must be true or false',
    ],
    ['not an object', 'a case', 'must be a case object'],
    ['null', null, 'must be a case object'],
  ])('%s', (_name, input, message) => {
    expect(parseTimelineCase(input)).toEqual({ ok: false, error: message })
  })
})

describe('a file of cases', () => {
  it('a single object is one case; its error still names case 0', () => {
    expect(parseTimelineCases(ok)).toMatchObject({ ok: true, many: false })
    expect(parseTimelineCases({ today: 'gisteren', sickPeriods: [] })).toEqual({
      ok: false,
      error: 'case 0: today is not a valid date YYYY-MM-DD: "gisteren"',
    })
  })
  it('an array names the index of the first invalid case', () => {
    const bad = { ...ok, sickPeriods: [{ start: '2025-01-06' }, { start: '2025-01-07' }] }
    expect(parseTimelineCases([ok, ok, ok, bad, { nonsense: true }])).toEqual({
      ok: false,
      error: 'case 3: sickPeriods[0].end is missing: only the last period may be open',
    })
  })
  it('an empty array is no cases', () => {
    expect(parseTimelineCases([])).toEqual({ ok: true, many: true, cases: [] })
  })
})
