import { describe, expect, it } from 'vitest'
import { isoDate, type IsoDate } from '../kernel/iso-date'
import { computeDossierTimeline, type DossierTimelineInput } from './dossier-timeline'

/** Reference case of the domain document: D = Monday 6 January 2025, continuous sickness. */
const base = (over: Partial<DossierTimelineInput> = {}): DossierTimelineInput => ({
  today: isoDate('2025-02-10'),
  profile: 'wettelijk',
  sickPeriods: [{ start: isoDate('2025-01-06') }],
  marks: [],
  ...over,
})
const timeline = (over: Partial<DossierTimelineInput> = {}) => {
  const t = computeDossierTimeline(base(over))
  if (!t) throw new Error('no timeline')
  return t
}
const get = (over: Partial<DossierTimelineInput>, key: string) =>
  timeline(over).milestones.find((m) => m.key === key)
const d = (s: string) => isoDate(s) as IsoDate

describe('vangnet: ziekmelding bij UWV binnen zes weken (ZW 38a lid 3, domain §3.6)', () => {
  it.each([
    ['safety net applies, in week 6: due soon on D+41', 'ja', '2025-02-10', 'due-soon'],
    ['safety net applies, reported nowhere after week 6: overdue', 'ja', '2025-02-17', 'overdue'],
    ['safety net applies, long before: open', 'ja', '2025-01-07', 'open'],
  ] as const)('%s', (_name, safetyNet, today, status) => {
    const m = get({ safetyNet, today: d(today) }, 'melding-uwv-vangnet')
    expect(m).toMatchObject({ due: '2025-02-16', status, severity: 'law', code: 'ZW 38a' })
    expect(m?.source).toContain('Ziektewet art. 38a lid 3')
    expect(m?.note).toContain('welke dat is, legt Hervat niet vast')
  })

  it.each(['nee', 'onbekend', undefined] as const)(
    'no safety-net report when the answer is %s',
    (safetyNet) => {
      const over: Partial<DossierTimelineInput> = safetyNet ? { safetyNet } : {}
      expect(get(over, 'melding-uwv-vangnet')).toBeUndefined()
    },
  )

  it('reported on time via a done mark', () => {
    const m = get(
      {
        safetyNet: 'ja',
        today: d('2025-03-01'),
        marks: [{ key: 'melding-uwv-vangnet', state: 'done', date: d('2025-02-03') }],
      },
      'melding-uwv-vangnet',
    )
    expect(m).toMatchObject({ status: 'done', doneOn: '2025-02-03' })
  })

  it('a safety-net case needs no 42-week report while UWV pays ZW (ZW 38 lid 4): a note says so, the date stays', () => {
    const m = get({ safetyNet: 'ja' }, 'melding-uwv-42')
    expect(m).toMatchObject({ due: '2025-10-27', status: 'open' })
    expect(m?.note).toContain('ZW art. 38 lid 4')
    expect(get({ safetyNet: 'nee' }, 'melding-uwv-42')?.note).toBeUndefined()
  })
})

/** Expected delivery 10 June 2025: the day after is 11 June; the flexible period runs 30 April – 13 May. */
const pregnancyLeave = {
  start: d('2025-05-14'),
  end: d('2025-09-02'),
  expectedDeliveryDate: d('2025-06-10'),
}

describe('zwangerschap: ziek in de flexibele periode vóór het verlof, melden op de 4e ziektedag (ZW 38a lid 2)', () => {
  it.each([
    [
      'sick from 5 May, inside the period: due 8 May',
      '2025-05-05',
      '2025-05-06',
      '2025-05-08',
      'due-soon',
    ],
    [
      'sick from 20 April, into the period: due on its 4th day, 3 May',
      '2025-04-20',
      '2025-05-06',
      '2025-05-03',
      'overdue',
    ],
  ] as const)('%s', (_name, start, today, due, status) => {
    const m = get(
      { today: d(today), sickPeriods: [{ start: d(start) }], leaves: [pregnancyLeave] },
      'melding-uwv-flexperiode',
    )
    expect(m).toMatchObject({ due, status, severity: 'law' })
    expect(m?.note).toContain('30-04-2025 t/m 13-05-2025')
  })

  it.each([
    [
      'sick and recovered before the flexible period',
      [{ start: '2025-04-01', end: '2025-04-20' }],
      '2025-05-06',
    ],
    ['the flexible period has not come yet', [{ start: '2025-04-20' }], '2025-04-25'],
    ['sick only after the leave began', [{ start: '2025-05-20' }], '2025-05-25'],
  ] as const)('no flexible-period report when %s', (_name, periods, today) => {
    const sickPeriods = periods.map((p) => ({
      start: d(p.start),
      ...('end' in p ? { end: d(p.end) } : {}),
    }))
    expect(
      get({ today: d(today), sickPeriods, leaves: [pregnancyLeave] }, 'melding-uwv-flexperiode'),
    ).toBeUndefined()
  })

  it('two pregnancies within one case: the most recent flexible period counts', () => {
    const m = get(
      {
        today: d('2025-03-05'),
        sickPeriods: [{ start: d('2024-01-01') }],
        leaves: [
          { start: d('2024-03-01'), end: d('2024-06-20'), expectedDeliveryDate: d('2024-04-01') },
          { start: d('2025-03-01'), end: d('2025-06-20'), expectedDeliveryDate: d('2025-04-01') },
        ],
      },
      'melding-uwv-flexperiode',
    )
    expect(m?.due).toBe('2025-02-22')
  })

  it('no expected delivery date, no flexible period (nothing is inferred)', () => {
    const { expectedDeliveryDate: _, ...leave } = pregnancyLeave
    expect(
      get(
        { today: d('2025-05-06'), sickPeriods: [{ start: d('2025-05-05') }], leaves: [leave] },
        'melding-uwv-flexperiode',
      ),
    ).toBeUndefined()
  })
})

describe('zwangerschap: ziek direct na het bevallingsverlof, melden op de 4e ziektedag (ZW 29a lid 4, 38a lid 2)', () => {
  const leave = { start: d('2025-01-06'), end: d('2025-04-27') }
  it.each([
    [
      'sick 8 days after the leave, safety net applies: due 8 May',
      [{ start: '2025-05-05' }],
      '2025-05-08',
    ],
    [
      'sick through the end of the leave: due on the 4th day after it, 1 May',
      [{ start: '2024-12-20' }],
      '2025-05-01',
    ],
    [
      'sick 27 days after the leave (gap below four weeks): still directly after, due 28 May',
      [{ start: '2025-05-25' }],
      '2025-05-28',
    ],
  ] as const)('%s', (_name, periods, due) => {
    const m = get(
      {
        today: d('2025-06-01'),
        safetyNet: 'ja',
        sickPeriods: periods.map((p) => ({ start: d(p.start) })),
        leaves: [leave],
      },
      'melding-uwv-na-verlof',
    )
    expect(m).toMatchObject({ due, severity: 'law' })
    expect(m?.source).toContain('art. 29a lid 4')
  })

  it('safety net unknown: no deadline but a warning to ask', () => {
    const t = timeline({
      today: d('2025-05-06'),
      safetyNet: 'onbekend',
      sickPeriods: [{ start: d('2025-05-05') }],
      leaves: [leave],
    })
    expect(t.milestones.find((m) => m.key === 'melding-uwv-na-verlof')).toBeUndefined()
    expect(t.warnings).toContainEqual({
      field: 'safetyNet',
      message: expect.stringContaining('vraag na of een vangnetregeling geldt'),
    })
  })

  it.each([
    ['the safety net does not apply', 'nee', '2025-05-05'],
    ['the sickness starts four weeks or more after the leave (gap of 28 days)', 'ja', '2025-05-26'],
  ] as const)('no report after the leave when %s', (_name, safetyNet, start) => {
    const t = timeline({
      today: d('2025-06-01'),
      safetyNet,
      sickPeriods: [{ start: d(start) }],
      leaves: [leave],
    })
    expect(t.milestones.find((m) => m.key === 'melding-uwv-na-verlof')).toBeUndefined()
    expect(t.warnings.filter((w) => w.field === 'safetyNet')).toEqual([])
  })
})

describe('T18 vrijwillige verlenging (WIA 24; UWV: minimaal 13 weken, aanvragen vóór de WIA-aanvraag)', () => {
  const second = { today: d('2026-09-15') }
  it('requested before the WIA application: done, with the extended dates in the note', () => {
    const t = timeline({
      ...second,
      voluntaryExtension: { weeks: 26, requestedOn: d('2026-09-01') },
    })
    const m = t.milestones.find((x) => x.key === 'vrijwillige-verlenging')
    expect(m).toMatchObject({
      due: '2026-10-18',
      status: 'done',
      doneOn: '2026-09-01',
      code: 'T18',
      severity: 'uwv-policy',
    })
    expect(m?.note).toContain('loondoorbetaling tot en met 04-07-2027')
    expect(m?.note).toContain('WIA-aanvraag is dan uiterlijk 18-04-2027')
    expect(m?.note).toContain('re-integratieverslag uiterlijk 04-04-2027')
    expect(t.milestones.find((x) => x.key === 'einde-loondoorbetaling')?.note).toContain(
      'tot en met 04-07-2027',
    )
    // The statutory second-year deadlines stay on the earlier, unextended dates.
    expect(t.milestones.find((x) => x.key === 'wia-aanvraag')?.due).toBe('2026-10-18')
  })

  it('agreed but not requested by the WIA application deadline: overdue', () => {
    const m = get(
      { today: d('2026-10-20'), voluntaryExtension: { weeks: 13 } },
      'vrijwillige-verlenging',
    )
    expect(m).toMatchObject({ status: 'overdue' })
  })

  it('not possible with a ZW benefit (vangnet, WIA 24 lid 1 sub a): not applicable, with a warning', () => {
    const t = timeline({ ...second, safetyNet: 'ja', voluntaryExtension: { weeks: 26 } })
    expect(t.milestones.find((x) => x.key === 'vrijwillige-verlenging')?.status).toBe(
      'not-applicable',
    )
    expect(t.warnings.map((w) => w.message).join(' ')).toContain('WIA art. 24 lid 1 sub a')
  })

  it('shorter than 13 weeks: a warning names the minimum', () => {
    const t = timeline({ ...second, voluntaryExtension: { weeks: 8 } })
    expect(t.warnings).toContainEqual({
      field: 'voluntaryExtensionWeeks',
      message: expect.stringContaining('minimaal 13 weken'),
    })
  })

  it('no extension registered: no T18 step', () => {
    expect(get(second, 'vrijwillige-verlenging')).toBeUndefined()
  })

  it('De Goudse: a voluntary extension voids the loonsanctie compensation (PG-GOU-8)', () => {
    const t = timeline({
      ...second,
      profile: 'goudse-op-maat',
      reportedByEmployee: d('2025-01-06'),
      marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-07') }],
      voluntaryExtension: { weeks: 26, requestedOn: d('2026-09-01') },
    })
    expect(t.guarantee).toMatchObject({ status: 'lapsed', lapsedOn: '2026-09-01' })
    expect(t.guarantee.reason).toContain('Vrijwillige verlenging')
    expect(t.guarantee.source).toContain('art. 2.3.3')
    // Without the extension the same dossier keeps its guarantee.
    expect(
      timeline({
        ...second,
        profile: 'goudse-op-maat',
        marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-07') }],
      }).guarantee.status,
    ).toBe('active')
  })

  it('a.s.r. and De Amersfoortse keep their guarantee with an extension', () => {
    for (const profile of ['asr-reintegratiemanager', 'amersfoortse-ontzorgmanager'] as const)
      expect(
        timeline({
          ...second,
          profile,
          marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-07') }],
          voluntaryExtension: { weeks: 26 },
        }).guarantee.status,
      ).toBe('active')
  })
})

describe('ASR-T1: Ontzorgmanager vanaf de tweede ziekteweek bij dreigend langdurig verzuim (seed 002)', () => {
  it.each([
    ['long-term absence expected on day 3: from the second week, D+7', '2025-01-08', '2025-01-13'],
    ['expected only in week 5: from that day', '2025-02-03', '2025-02-03'],
  ] as const)('%s', (_name, expectedOn, due) => {
    const m = get(
      { profile: 'amersfoortse-ontzorgmanager', longTermExpectedOn: d(expectedOn) },
      'ontzorgmanager-inzetten',
    )
    expect(m).toMatchObject({ due, severity: 'contract', code: 'ASR-T1' })
  })

  it.each([
    ['no long-term absence expected', 'amersfoortse-ontzorgmanager', undefined],
    ['the statutory profile', 'wettelijk', '2025-01-08'],
    ['De Goudse', 'goudse-op-maat', '2025-01-08'],
  ] as const)('no Ontzorgmanager step for %s', (_name, profile, expectedOn) => {
    const over: Partial<DossierTimelineInput> = expectedOn
      ? { profile, longTermExpectedOn: d(expectedOn) }
      : { profile }
    expect(get(over, 'ontzorgmanager-inzetten')).toBeUndefined()
  })

  it('done when the casemanager marks it done', () => {
    const m = get(
      {
        profile: 'amersfoortse-ontzorgmanager',
        longTermExpectedOn: d('2025-01-08'),
        marks: [{ key: 'ontzorgmanager-inzetten', state: 'done', date: d('2025-01-10') }],
      },
      'ontzorgmanager-inzetten',
    )
    expect(m).toMatchObject({ status: 'done', doneOn: '2025-01-10' })
  })
})

describe('week 81: a late 42-week report must still be made before the wachttijd lasts 81 weeks (WIA 64 lid 6)', () => {
  it('42-week report overdue in week 44: step due 25 Jul 2026 and a warning', () => {
    const t = timeline({ today: d('2025-11-10') })
    const m = t.milestones.find((x) => x.key === 'melding-uwv-42-week-81')
    expect(m).toMatchObject({ due: '2026-07-25', status: 'open', severity: 'law', week: 81 })
    expect(t.warnings).toContainEqual({
      field: 'melding-uwv-42',
      message: expect.stringContaining('uiterlijk 25-07-2026, vóór week 81'),
    })
  })

  it('still not reported after week 81: overdue, and the warning says the extra term is gone', () => {
    const t = timeline({ today: d('2026-08-01') })
    expect(t.milestones.find((x) => x.key === 'melding-uwv-42-week-81')?.status).toBe('overdue')
    expect(t.warnings.find((w) => w.field === 'melding-uwv-42')?.message).toContain('is vervallen')
  })

  it('reported late but before week 81: done, no warning', () => {
    const t = timeline({
      today: d('2026-01-10'),
      marks: [{ key: 'melding-uwv-42', state: 'done', date: d('2025-12-01') }],
    })
    expect(t.milestones.find((x) => x.key === 'melding-uwv-42-week-81')).toMatchObject({
      status: 'done',
      doneOn: '2025-12-01',
    })
    expect(t.warnings).toEqual([])
  })

  it.each([
    [
      'reported on time',
      '2025-11-10',
      [{ key: 'melding-uwv-42', state: 'done', date: '2025-10-20' }],
    ],
    [
      'waived with the UWV ZW decision (ZW 38 lid 4)',
      '2025-11-10',
      [{ key: 'melding-uwv-42', state: 'waived', date: '2025-10-01', motivation: 'ZW-uitkering' }],
    ],
    ['not yet due', '2025-10-20', []],
  ] as const)('no week-81 step when %s', (_name, today, marks) => {
    const t = timeline({ today: d(today), marks: marks.map((m) => ({ ...m, date: d(m.date) })) })
    expect(t.milestones.find((x) => x.key === 'melding-uwv-42-week-81')).toBeUndefined()
    expect(t.warnings).toEqual([])
  })
})
