import { z } from 'zod'
import { optionalDateField, optionalText, requiredText } from '../domain/fields'
import { err, ok, type Result } from '../kernel/errors'
import type { IsoDate } from '../kernel/iso-date'
import {
  distributionSchema,
  documentBaseShape,
  idField,
  isFullySigned,
  signatureSchema,
  type Author,
} from './common'

/**
 * Plan van Aanpak and its bijstellingen (Regeling procesgang art. 4; domain §4.2; uwv-forms §2).
 * Each version is its own record. A version signed by both parties is immutable: a change makes
 * a new version (bijstelling, art. 4 lid 5) with a reason (`amendPlanVanAanpak`).
 */

/** domain §4.2 `reintegrationGoal`, phrased the way UWV and arbodiensten do. */
export const REINTEGRATION_GOALS = [
  'eigen-werk',
  'eigen-werk-aangepast',
  'ander-werk-eigen-werkgever',
  'werk-andere-werkgever',
  'geen-mogelijkheden',
] as const
export const REINTEGRATION_GOAL_LABELS: Record<(typeof REINTEGRATION_GOALS)[number], string> = {
  'eigen-werk': 'Terugkeer in het eigen werk',
  'eigen-werk-aangepast': 'Terugkeer in het eigen werk, aangepast',
  'ander-werk-eigen-werkgever': 'Ander werk bij de eigen werkgever (spoor 1)',
  'werk-andere-werkgever': 'Werk bij een andere werkgever (spoor 2)',
  'geen-mogelijkheden': 'Geen mogelijkheden (gemotiveerd)',
}

export const ACTIVITY_OWNERS = [
  'werkgever',
  'werknemer',
  'casemanager',
  'bedrijfsarts',
  'dienstverlener',
] as const
export const ACTIVITY_OWNER_LABELS: Record<(typeof ACTIVITY_OWNERS)[number], string> = {
  werkgever: 'Werkgever',
  werknemer: 'Werknemer',
  casemanager: 'Casemanager',
  bedrijfsarts: 'Bedrijfsarts',
  dienstverlener: 'Dienstverlener',
}
export const ACTIVITY_STATUSES = ['gepland', 'loopt', 'gereed', 'niet-uitgevoerd'] as const
export const ACTIVITY_STATUS_LABELS: Record<(typeof ACTIVITY_STATUSES)[number], string> = {
  gepland: 'Gepland',
  loopt: 'Loopt',
  gereed: 'Gereed',
  'niet-uitgevoerd': 'Niet uitgevoerd',
}

/** Art. 4 lid 2 sub a: activity of employer or employee, its goal, owner and term. */
export const activitySchema = z.object({
  id: idField,
  description: requiredText(1000),
  goal: requiredText(1000),
  owner: z.enum(ACTIVITY_OWNERS, { error: 'Kies wie de activiteit uitvoert.' }),
  start: optionalDateField,
  /** The term (termijn) within which the goal is expected to be reached. */
  term: optionalDateField,
  status: z.enum(ACTIVITY_STATUSES).default('gepland'),
  statusNote: optionalText(1000),
})
export type Activity = z.output<typeof activitySchema>

export const EVALUATION_MOMENT_KINDS = ['periodiek', 'eerstejaarsevaluatie'] as const
/** Art. 4 lid 2 sub b: evaluation moments, periodic and at the end of the first year. */
export const evaluationMomentSchema = z.object({
  date: optionalDateField,
  kind: z.enum(EVALUATION_MOMENT_KINDS).default('periodiek'),
})

export const BIJSTELLING_TRIGGERS = [
  'periodieke-evaluatie',
  'bijstelling-probleemanalyse',
  'stagnatie',
  'deskundigenoordeel',
  'eerstejaarsevaluatie',
  'overig',
] as const
export const BIJSTELLING_TRIGGER_LABELS: Record<(typeof BIJSTELLING_TRIGGERS)[number], string> = {
  'periodieke-evaluatie': 'Periodieke evaluatie',
  'bijstelling-probleemanalyse': 'Bijstelling probleemanalyse',
  stagnatie: 'Stagnatie van de re-integratie',
  deskundigenoordeel: 'Deskundigenoordeel UWV',
  eerstejaarsevaluatie: 'Eerstejaarsevaluatie',
  overig: 'Overig',
}

export const bijstellingSchema = z.object({
  reason: requiredText(2000),
  trigger: z.enum(BIJSTELLING_TRIGGERS).default('periodieke-evaluatie'),
})

export const casemanagerSchema = z.object({
  name: requiredText(200),
  organisation: optionalText(200),
  function: optionalText(200),
  phone: optionalText(50),
  email: optionalText(200),
})

export const planVanAanpakSchema = z
  .object({
    ...documentBaseShape,
    version: z.number({ error: 'Vul een versienummer in.' }).int().min(1),
    /** The version this one amends (absent for version 1). */
    previousVersionId: optionalText(100),
    bijstelling: bijstellingSchema.optional(),
    probleemanalyseId: optionalText(100),
    goal: z.enum(REINTEGRATION_GOALS, { error: 'Kies het doel van de re-integratie.' }),
    goalMotivation: optionalText(4000),
    activities: z.array(activitySchema).default([]),
    contactFrequency: optionalText(500),
    evaluationMoments: z.array(evaluationMomentSchema).default([]),
    casemanager: casemanagerSchema,
    /** 5.1: the employee's view, in the employee's own words. */
    employeeView: optionalText(8000),
    /** 5.2: the employer's view. */
    employerView: optionalText(8000),
    signatures: z.array(signatureSchema).default([]),
    distribution: z.array(distributionSchema).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.version > 1 && !v.bijstelling) {
      ctx.addIssue({
        code: 'custom',
        path: ['bijstelling', 'reason'],
        message: 'Een bijstelling heeft een reden.',
      })
    }
  })
export type PlanVanAanpakInput = z.input<typeof planVanAanpakSchema>
export type PlanVanAanpak = z.output<typeof planVanAanpakSchema>

/** A version signed by both parties may not change (uwv-forms §2.4). */
export const isPlanSigned = (plan: PlanVanAanpak): boolean => isFullySigned(plan.signatures)

export const isEndOfYearOneScheduled = (plan: PlanVanAanpak): boolean =>
  plan.evaluationMoments.some((m) => m.kind === 'eerstejaarsevaluatie' && m.date !== undefined)

export type PlanChange = Partial<
  Pick<
    PlanVanAanpak,
    | 'goal'
    | 'goalMotivation'
    | 'activities'
    | 'contactFrequency'
    | 'evaluationMoments'
    | 'casemanager'
    | 'employeeView'
    | 'employerView'
  >
>

/**
 * Changes a plan. An unsigned version is edited in place; a signed one gets a new version with
 * the reason of the bijstelling, no signatures and no distribution yet.
 */
export function amendPlanVanAanpak(
  current: PlanVanAanpak,
  change: PlanChange,
  context: {
    newId: string
    date: IsoDate
    author: Author
    bijstelling?: z.input<typeof bijstellingSchema>
  },
): Result<PlanVanAanpak, string> {
  if (!isPlanSigned(current)) return ok({ ...current, ...change })
  if (!context.bijstelling?.reason.trim()) {
    return err('Deze versie is ondertekend; een wijziging is een bijstelling en heeft een reden.')
  }
  return ok({
    ...current,
    ...change,
    id: context.newId,
    version: current.version + 1,
    previousVersionId: current.id,
    bijstelling: bijstellingSchema.parse(context.bijstelling),
    date: context.date,
    author: context.author,
    handedToEmployeeOn: undefined,
    signatures: [],
    distribution: [],
  })
}

/** Versions of the plan, oldest first. */
export function planVersions(plans: readonly PlanVanAanpak[]): PlanVanAanpak[] {
  return [...plans].sort((a, b) => a.version - b.version)
}
