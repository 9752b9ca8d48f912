import { describe, expect, it } from 'vitest'
import { isoDate, type IsoDate } from '../kernel/iso-date'
import {
  computeDossierTimeline,
  type DocumentFact,
  type DossierTimelineInput,
  type Milestone,
} from './dossier-timeline'

/**
 * Documents fulfil deadlines (docs/adr/0010). One case throughout: D = Mon 6 Jan 2025, so the
 * probleemanalyse is due Sun 16 Feb 2025 (end of week 6), the plan 14 days after the
 * probleemanalyse, the 42-week report Mon 27 Oct 2025, the eerstejaarsevaluatie Sun 4 Jan 2026
 * and the actueel oordeel and re-integratieverslag Sun 4 Oct 2026 (end of week 91).
 */

const d = isoDate
const input = (over: Partial<DossierTimelineInput> = {}): DossierTimelineInput => ({
  today: d('2026-11-01'),
  profile: 'wettelijk',
  sickPeriods: [{ start: d('2025-01-06') }],
  marks: [],
  ...over,
})
const step = (over: Partial<DossierTimelineInput>, key: string): Milestone => {
  const m = computeDossierTimeline(input(over))?.milestones.find((x) => x.key === key)
  if (!m) throw new Error(`no milestone ${key}`)
  return m
}
const warnings = (over: Partial<DossierTimelineInput>) =>
  computeDossierTimeline(input(over))?.warnings.map((w) => w.message) ?? []

let seq = 0
const doc = (type: string, over: Partial<DocumentFact> = {}): DocumentFact => ({
  id: `${type}-${++seq}`,
  type,
  createdAt: `2025-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
  ...over,
})
const signed = (employer: string, employee: string) => [
  { role: 'werkgever' as const, signedAt: d(employer) },
  { role: 'werknemer' as const, signedAt: d(employee) },
]
const pa = (date: string) => doc('probleemanalyse', { date: d(date) })
const plan = (employer: string, employee: string, over: Partial<DocumentFact> = {}) =>
  doc('plan-van-aanpak', {
    date: d(employer),
    version: 1,
    signatures: signed(employer, employee),
    ...over,
  })

describe('each document kind closes its step on the right day', () => {
  it('a probleemanalyse registration closes probleemanalyse on its date (Regeling art. 2 lid 2)', () => {
    const p = pa('2025-02-10')
    expect(step({ documents: [p] }, 'probleemanalyse')).toMatchObject({
      status: 'done',
      doneOn: '2025-02-10',
      documentId: p.id,
    })
    // It also moves the plan's due date to 14 days after it (art. 4 lid 1).
    expect(step({ documents: [p] }, 'plan-van-aanpak').due).toBe('2025-02-24')
    expect(step({ documents: [pa('2025-02-20')] }, 'probleemanalyse').status).toBe('done-late')
  })

  it('a bijstelling of the probleemanalyse does not close the step by itself', () => {
    const b = doc('probleemanalyse', { date: d('2025-02-10'), bijstelling: true })
    expect(step({ documents: [b], today: d('2025-03-01') }, 'probleemanalyse').status).toBe(
      'overdue',
    )
  })

  it('a Plan van Aanpak signed by both closes plan-van-aanpak on the LATER signing day', () => {
    const docs = [pa('2025-02-10'), plan('2025-02-18', '2025-02-21')]
    expect(step({ documents: docs }, 'plan-van-aanpak')).toMatchObject({
      status: 'done',
      doneOn: '2025-02-21',
      documentId: docs[1]?.id,
    })
    // Signed by one party only: the plan is not agreed, the step stays open or overdue.
    const half = plan('2025-02-18', '2025-02-21', {
      signatures: [{ role: 'werkgever', signedAt: d('2025-02-18') }],
    })
    expect(step({ documents: [pa('2025-02-10'), half] }, 'plan-van-aanpak').status).toBe('overdue')
  })

  it('the employee signing after the due date makes the plan done-late', () => {
    // Due 24 Feb (PA 10 Feb + 14); the werkgever signed on time, the werknemer a week later.
    const docs = [pa('2025-02-10'), plan('2025-02-20', '2025-03-03')]
    expect(step({ documents: docs }, 'plan-van-aanpak')).toMatchObject({
      status: 'done-late',
      doneOn: '2025-03-03',
    })
  })

  it('a bijstelling keeps the day the first version was agreed', () => {
    const v1 = plan('2025-02-18', '2025-02-21')
    const v2 = plan('2025-05-01', '2025-05-02', { version: 2 })
    expect(step({ documents: [pa('2025-02-10'), v1, v2] }, 'plan-van-aanpak')).toMatchObject({
      status: 'done',
      doneOn: '2025-02-21',
      documentId: v1.id,
    })
  })

  it('the 42-week report record closes melding-uwv-42 on the day it was reported (ZW art. 38)', () => {
    const r = doc('melding-42', { date: d('2025-10-20') })
    expect(step({ documents: [r] }, 'melding-uwv-42')).toMatchObject({
      status: 'done',
      doneOn: '2025-10-20',
      documentId: r.id,
    })
    const late = doc('melding-42', { date: d('2025-10-28') })
    expect(step({ documents: [late] }, 'melding-uwv-42').status).toBe('done-late')
  })

  it('the eerstejaarsevaluatie closes its step when both signed, on the later day', () => {
    const eje = doc('eerstejaarsevaluatie', {
      date: d('2025-12-15'),
      signatures: signed('2025-12-15', '2025-12-17'),
    })
    expect(step({ documents: [eje] }, 'eerstejaarsevaluatie')).toMatchObject({
      status: 'done',
      doneOn: '2025-12-17',
    })
    const unsigned = doc('eerstejaarsevaluatie', { date: d('2025-12-15') })
    expect(step({ documents: [unsigned] }, 'eerstejaarsevaluatie').status).toBe('overdue')
    // Signed by the werknemer after the due date: done-late.
    const lateSig = doc('eerstejaarsevaluatie', {
      date: d('2025-12-15'),
      signatures: signed('2025-12-15', '2026-01-08'),
    })
    expect(step({ documents: [lateSig] }, 'eerstejaarsevaluatie').status).toBe('done-late')
  })

  it('the actueel oordeel closes its step on its date', () => {
    const ao = doc('actueel-oordeel', { date: d('2026-08-01') })
    expect(step({ documents: [ao] }, 'actueel-oordeel')).toMatchObject({
      status: 'done',
      doneOn: '2026-08-01',
    })
  })

  it('the eindevaluatie signed by both closes the re-integratieverslag step', () => {
    const ee = doc('eindevaluatie', {
      date: d('2026-09-01'),
      signatures: signed('2026-09-01', '2026-09-03'),
    })
    expect(step({ documents: [ee] }, 're-integratieverslag')).toMatchObject({
      status: 'done',
      doneOn: '2026-09-03',
    })
  })

  it('a document dated after today or before the case does not count', () => {
    expect(
      step({ documents: [pa('2024-12-01')], today: d('2025-03-01') }, 'probleemanalyse'),
    ).toMatchObject({ status: 'overdue' })
    expect(
      step({ documents: [pa('2025-02-10')], today: d('2025-02-05') }, 'probleemanalyse').status,
    ).toBe('due-soon')
  })
})

describe('a document deleted or superseded reopens the step', () => {
  it('deleted: without the document the step is overdue again', () => {
    const p = pa('2025-02-10')
    expect(step({ documents: [p] }, 'probleemanalyse').status).toBe('done')
    expect(step({ documents: [] }, 'probleemanalyse').status).toBe('overdue')
  })

  it('superseded: a newer eerstejaarsevaluatie not yet signed replaces the signed one in the verslag', () => {
    const old = doc('eerstejaarsevaluatie', {
      date: d('2025-12-15'),
      signatures: signed('2025-12-15', '2025-12-17'),
    })
    const newer = doc('eerstejaarsevaluatie', { date: d('2026-01-02') })
    expect(step({ documents: [old, newer] }, 'eerstejaarsevaluatie').status).toBe('overdue')
    const newerSigned = { ...newer, signatures: signed('2026-01-02', '2026-01-03') }
    expect(step({ documents: [old, newerSigned] }, 'eerstejaarsevaluatie')).toMatchObject({
      status: 'done',
      doneOn: '2026-01-03',
      documentId: newer.id,
    })
  })

  it('superseded: a newer 42-week report record corrects the day it was reported', () => {
    const first = doc('melding-42', { date: d('2025-10-20') })
    const correction = doc('melding-42', { date: d('2025-10-22') })
    expect(step({ documents: [first, correction] }, 'melding-uwv-42').doneOn).toBe('2025-10-22')
  })
})

describe('hand marks beside documents', () => {
  const mark = (key: string, date: string, motivation?: string) => ({
    key,
    state: 'done' as const,
    date: d(date),
    ...(motivation ? { motivation } : {}),
  })

  it('a step marked done by hand without its document says so, with the motivation', () => {
    const m = step(
      {
        marks: [mark('plan-van-aanpak', '2025-02-25', 'Plan op papier, ondertekend bij werkgever')],
      },
      'plan-van-aanpak',
    )
    expect(m).toMatchObject({
      status: 'done',
      doneOn: '2025-02-25',
      withoutDocument: true,
      motivation: 'Plan op papier, ondertekend bij werkgever',
    })
    expect(m.documentId).toBeUndefined()
  })

  it('the document comes before the hand mark', () => {
    const p = pa('2025-02-12')
    const m = step(
      { documents: [p], marks: [mark('probleemanalyse', '2025-02-01')] },
      'probleemanalyse',
    )
    expect(m).toMatchObject({ doneOn: '2025-02-12', documentId: p.id })
    expect(m.withoutDocument).toBeUndefined()
  })

  it('a step without a document kind (melding-arbodienst) is never "without document"', () => {
    const m = step({ marks: [mark('melding-arbodienst', '2025-01-08')] }, 'melding-arbodienst')
    expect(m.status).toBe('done')
    expect(m.withoutDocument).toBeUndefined()
  })
})

describe("the plan's evaluation rhythm", () => {
  const agreed = (moments: string[]) => [
    pa('2025-02-10'),
    plan('2025-02-18', '2025-02-21', { evaluationMoments: moments.map((m) => d(m) as IsoDate) }),
  ]
  const evaluation = (date: string, next?: string) =>
    doc('evaluatie', { date: d(date), ...(next ? { nextEvaluationOn: d(next) } : {}) })

  it('the next promised moment becomes the periodic evaluation deadline', () => {
    const m = step(
      { documents: agreed(['2025-03-14', '2025-04-25']), today: d('2025-03-01') },
      'periodieke-evaluatie',
    )
    // 21 Feb + 42 days would be 4 Apr; the plan promised 14 Mar.
    expect(m.due).toBe('2025-03-14')
  })

  it('an evaluation document counts as held: the next deadline runs from it', () => {
    const docs = [...agreed(['2025-03-14', '2025-06-30']), evaluation('2025-03-12')]
    // From 12 Mar: + 42 days = 23 Apr, before the next promised moment of 30 Jun.
    expect(step({ documents: docs, today: d('2025-03-20') }, 'periodieke-evaluatie').due).toBe(
      '2025-04-23',
    )
  })

  it('a promised moment passed without an evaluation is a warning', () => {
    const w = warnings({ documents: agreed(['2025-03-14', '2025-04-25']), today: d('2025-03-20') })
    expect(w).toContainEqual(expect.stringContaining('belooft een evaluatie uiterlijk 14-03-2025'))
    const held = warnings({
      documents: [...agreed(['2025-03-14', '2025-04-25']), evaluation('2025-03-13')],
      today: d('2025-03-20'),
    })
    expect(held.some((m) => m.includes('belooft een evaluatie'))).toBe(false)
  })

  it('no future evaluation planned is a warning; an agreed next evaluation lifts it', () => {
    const none = warnings({ documents: agreed(['2025-03-14']), today: d('2025-04-01') })
    expect(none).toContainEqual(expect.stringContaining('geen volgende evaluatie gepland'))
    const next = warnings({
      documents: [...agreed(['2025-03-14']), evaluation('2025-03-14', '2025-04-25')],
      today: d('2025-04-01'),
    })
    expect(next.some((m) => m.includes('geen volgende evaluatie'))).toBe(false)
  })

  it('no rhythm warnings without a plan signed by both, or once the case ended', () => {
    const unsigned = [
      pa('2025-02-10'),
      doc('plan-van-aanpak', { version: 1, evaluationMoments: [] }),
    ]
    expect(warnings({ documents: unsigned, today: d('2025-04-01') })).toEqual([])
    const ended = warnings({
      documents: agreed([]),
      sickPeriods: [{ start: d('2025-01-06'), end: d('2025-03-31') }],
      today: d('2025-04-10'),
    })
    expect(ended).toEqual([])
  })
})
