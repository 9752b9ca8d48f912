import { z } from 'zod'
import { param } from '../rules/parameters'
import type { LegalHoldRecord } from './legal-hold'
import { POLICY_PROFILE_IDS } from './policy-profile'
import {
  addressSchema,
  bsnField,
  contactPersonSchema,
  dateField,
  hoursPerWeekField,
  kvkField,
  loonheffingennummerField,
  msg,
  optionalEuroField,
  optionalDateField,
  optionalEmailField,
  optionalHoursField,
  optionalNumberField,
  optionalPhoneField,
  optionalText,
  requiredText,
} from './fields'
import { nonMedicalSchema } from '../privacy/medical-text'

/**
 * The re-integratiedossier and everything in it (issue 2; poortwachter-domain.md §1, §2.7, §4, §5).
 *
 * Privacy by design (§5.2–§5.5): there is no field for diagnosis, cause, symptoms, treatment or
 * pregnancy as a health fact, and no illness pick-list. WAZO leave is stored as leave dates (HR
 * data). What may be recorded at the sick report (§5.2) is recorded as structured yes/no fields.
 *
 * Each entity has an input schema (what a form or an import supplies, validated with Dutch
 * messages naming the field) and a stored record type (input plus id and timestamps).
 */

export const recordMetaSchema = z.object({
  id: z.string().min(1),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
})
export type RecordMeta = z.output<typeof recordMetaSchema>

// ── Werkgever ────────────────────────────────────────────────────────────────────────────────

export const employerInputSchema = z.object({
  name: requiredText(200),
  kvkNumber: kvkField,
  loonheffingennummer: loonheffingennummerField,
  address: addressSchema,
  contactPerson: contactPersonSchema,
  policyProfile: z.enum(POLICY_PROFILE_IDS, { error: 'Kies een polisprofiel.' }),
  /** Start date of the insurer's module (verzuimbegeleiding); absent for `wettelijk`. */
  moduleStartDate: optionalDateField,
  /** Eigenrisicodrager ZW: retention of ZW data is five years (domain §5.6). */
  eigenrisicodragerZw: z.boolean().default(false),
})
export type EmployerInput = z.input<typeof employerInputSchema>
export type Employer = z.output<typeof employerInputSchema> & RecordMeta

// ── Werknemer ────────────────────────────────────────────────────────────────────────────────

export const employeeInputSchema = z
  .object({
    employerId: z.string({ error: 'Kies een werkgever.' }).min(1, 'Kies een werkgever.'),
    firstName: requiredText(100),
    infix: optionalText(30),
    lastName: requiredText(100),
    bsn: bsnField,
    dateOfBirth: dateField,
    address: addressSchema,
    phone: optionalPhoneField,
    email: optionalEmailField,
    jobTitle: requiredText(200),
    contractHoursPerWeek: hoursPerWeekField,
    employmentStart: dateField,
    employmentEnd: optionalDateField,
  })
  .superRefine((v, ctx) => {
    if (v.employmentEnd && v.employmentEnd < v.employmentStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['employmentEnd'],
        message: 'De einddatum van het dienstverband ligt voor de begindatum.',
      })
    }
    if (v.employmentStart < v.dateOfBirth) {
      ctx.addIssue({
        code: 'custom',
        path: ['employmentStart'],
        message: 'Het dienstverband begint voor de geboortedatum.',
      })
    }
  })
export type EmployeeInput = z.input<typeof employeeInputSchema>
export type Employee = z.output<typeof employeeInputSchema> & RecordMeta

export function employeeFullName(e: Pick<Employee, 'firstName' | 'infix' | 'lastName'>): string {
  return [e.firstName, e.infix, e.lastName].filter(Boolean).join(' ')
}

// ── Dossier ──────────────────────────────────────────────────────────────────────────────────

export const DOSSIER_STATUSES = ['actief', 'hersteld', 'uit-dienst', 'gesloten'] as const
export type DossierStatus = (typeof DOSSIER_STATUSES)[number]
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  actief: 'Actief',
  hersteld: 'Hersteld',
  'uit-dienst': 'Ziek uit dienst',
  gesloten: 'Gesloten',
}

const WHOLE_WEEKS = 'Vul een aantal hele weken in.'
const VOLUNTARY_EXTENSION_MIN_WEEKS = param('voluntaryExtensionMinWeeks')
/** Weeks of a voluntary extension: whole weeks, at least the UWV minimum (WIA 24; domain §2.18). */
const voluntaryExtensionWeeksField = optionalNumberField(WHOLE_WEEKS, 0, 520)
  .refine((v) => v === undefined || Number.isInteger(v), WHOLE_WEEKS)
  .refine(
    (v) => v === undefined || v >= VOLUNTARY_EXTENSION_MIN_WEEKS,
    `Een vrijwillige verlenging duurt minimaal ${VOLUNTARY_EXTENSION_MIN_WEEKS} weken (UWV).`,
  )

/** Domain §5.5 item 3: whether a ZW safety-net provision applies, never which one. */
export const SAFETY_NET_VALUES = ['ja', 'nee', 'onbekend'] as const

export const dossierInputSchema = z.object({
  employeeId: z.string({ error: 'Kies een werknemer.' }).min(1, 'Kies een werknemer.'),
  /** The designated casemanager (Regeling procesgang art. 4 lid 2 sub c). */
  casemanager: requiredText(200),
  arbodienst: contactPersonSchema,
  bedrijfsarts: contactPersonSchema,
  status: z.enum(DOSSIER_STATUSES, { error: 'Kies een status.' }),
  safetyNet: z.enum(SAFETY_NET_VALUES).default('onbekend'),
  /** Domain §5.2 item 5: related to an occupational accident (yes/no only). */
  workAccident: z.boolean().default(false),
  /** Domain §5.2 item 6: traffic accident with a possibly liable third party (regres). */
  thirdPartyLiable: z.boolean().default(false),
  /** Date of a UWV loonsanctie decision, if one was imposed (De Goudse: report within 5 working days). */
  loonsanctieDecisionOn: optionalDateField,
  /** Date the re-integration was completed; starts the retention term (domain §5.6). */
  reintegrationCompletedOn: optionalDateField,
  /**
   * Since when long-term absence is expected (the expected duration may be recorded, domain
   * §5.2 item 2): a.s.r. ASR-T1, the Ontzorgmanager from the second sick week.
   */
  longTermExpectedOn: optionalDateField,
  /** An agreed voluntary extension of wage payment, in weeks (T18, WIA 24; UWV: at least 13). */
  voluntaryExtensionWeeks: voluntaryExtensionWeeksField,
  /** When employer and employee requested the voluntary extension from UWV. */
  voluntaryExtensionRequestedOn: optionalDateField,
})

/**
 * The dossier form's cross-field checks (a request date needs the number of weeks; no voluntary
 * extension with a ZW benefit, WIA 24 lid 1 sub a). Kept apart so that `dossierInputSchema`
 * stays a plain object schema that others can `omit` or `extend`.
 */
export const dossierFormSchema = dossierInputSchema.superRefine((v, ctx) => {
  if (v.voluntaryExtensionRequestedOn && v.voluntaryExtensionWeeks === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['voluntaryExtensionWeeks'],
      message: 'Vul in met hoeveel weken de loondoorbetaling vrijwillig wordt verlengd.',
    })
  }
  if (v.voluntaryExtensionWeeks !== undefined && v.safetyNet === 'ja') {
    ctx.addIssue({
      code: 'custom',
      path: ['voluntaryExtensionWeeks'],
      message:
        'Vrijwillige verlenging kan niet bij een vangnetregeling met Ziektewet-uitkering (WIA art. 24).',
    })
  }
})
export type DossierInput = z.input<typeof dossierInputSchema>
export type Dossier = z.output<typeof dossierInputSchema> &
  RecordMeta & {
    employerId: string
    /** Set and lifted only by the retention repository (legal-hold.ts); blocks erasure. */
    legalHold?: LegalHoldRecord
  }

// ── Ziekteperiodes, herstel, verlof ─────────────────────────────────────────────────────────

export const sickPeriodInputSchema = z
  .object({
    /** Eerste ziektedag of this period (domain §1.1). */
    start: dateField,
    /** Last sick day, inclusive; absent while still sick. Partial recovery is not an end. */
    end: optionalDateField,
    /** When the employee reported sick to the employer (reportedToEmployerAt, domain §1.1). */
    reportedToEmployerOn: optionalDateField,
    /** When the sickness was reported to the arbodienst or insurer (T02). */
    reportedToArbodienstOn: optionalDateField,
  })
  .superRefine((v, ctx) => {
    if (v.end && v.end < v.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'De laatste ziektedag ligt voor de eerste ziektedag.',
      })
    }
    if (v.reportedToArbodienstOn && v.reportedToArbodienstOn < v.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['reportedToArbodienstOn'],
        message: 'De melding aan de arbodienst ligt voor de eerste ziektedag.',
      })
    }
  })
export type SickPeriodInput = z.input<typeof sickPeriodInputSchema>
export type SickPeriod = z.output<typeof sickPeriodInputSchema> & RecordMeta & { dossierId: string }

/** Partial recovery: from `date` the employee works `hoursPerWeek` (domain §3.5). */
export const partialRecoveryInputSchema = z.object({
  date: dateField,
  hoursPerWeek: hoursPerWeekField,
  note: optionalText(1000),
  /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
  nonMedical: nonMedicalSchema,
})
export type PartialRecoveryInput = z.input<typeof partialRecoveryInputSchema>
export type PartialRecovery = z.output<typeof partialRecoveryInputSchema> &
  RecordMeta & { dossierId: string }

/** WAZO pregnancy and maternity leave, as leave dates only (domain §3.3, §5.5 item 3). */
export const LEAVE_KINDS = [
  'zwangerschapsverlof',
  'bevallingsverlof',
  'zwangerschaps-en-bevallingsverlof',
] as const
export const leaveInputSchema = z
  .object({
    kind: z.enum(LEAVE_KINDS).default('zwangerschaps-en-bevallingsverlof'),
    start: dateField,
    end: dateField,
    /** Whether sickness before and after the leave has the same cause (contract: sameCauseAroundLeave). */
    sameCauseAroundLeave: z.boolean().default(true),
    /**
     * Vermoedelijke bevallingsdatum as on the WAZO leave application (leave administration, not a
     * health fact): it fixes the flexible period of ZW 38a lid 2 (domain §3.3).
     */
    expectedDeliveryDate: optionalDateField,
  })
  .superRefine((v, ctx) => {
    if (v.end < v.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'Het verlof eindigt voor het begint.',
      })
    }
  })
export type LeaveInput = z.input<typeof leaveInputSchema>
export type Leave = z.output<typeof leaveInputSchema> & RecordMeta & { dossierId: string }

// ── Contactmomenten en activiteiten ─────────────────────────────────────────────────────────

export const CONTACT_KINDS = [
  'gesprek',
  'spreekuur-bedrijfsarts',
  'huisbezoek',
  'werkplekbezoek',
  'telefonisch',
  'e-mail',
] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  gesprek: 'Gesprek',
  'spreekuur-bedrijfsarts': 'Spreekuur bedrijfsarts',
  huisbezoek: 'Huisbezoek',
  werkplekbezoek: 'Werkplekbezoek',
  telefonisch: 'Telefonisch',
  'e-mail': 'E-mail',
}

export const contactInputSchema = z.object({
  date: dateField,
  kind: z.enum(CONTACT_KINDS, { error: 'Kies een soort contact.' }),
  participants: requiredText(500),
  /** Non-medical summary (domain §5.3). */
  summary: requiredText(8000),
  /** Hours actually worked in the period (Regeling procesgang art. 3). */
  hoursWorked: optionalHoursField,
  /**
   * The contactmoment this entry corrects (a contactmoment never changes: a correction is a new
   * entry that supersedes the earlier one in views and exports, privacy/corrections.ts).
   */
  corrects: z.string().min(1).max(100).optional(),
  /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
  nonMedical: nonMedicalSchema,
})
export type ContactInput = z.input<typeof contactInputSchema>
export type Contact = z.output<typeof contactInputSchema> & RecordMeta & { dossierId: string }

// ── Interventies ────────────────────────────────────────────────────────────────────────────

export const INTERVENTION_KINDS = [
  'werkplekonderzoek',
  'arbeidsdeskundig-onderzoek',
  'coaching',
  'loopbaanbegeleiding',
  'spoor-2-traject',
  'mediation',
  'werkvoorziening',
  'scholing',
  'overig',
] as const
export const INTERVENTION_KIND_LABELS: Record<(typeof INTERVENTION_KINDS)[number], string> = {
  werkplekonderzoek: 'Werkplekonderzoek',
  'arbeidsdeskundig-onderzoek': 'Arbeidsdeskundig onderzoek',
  coaching: 'Coaching',
  loopbaanbegeleiding: 'Loopbaanbegeleiding',
  'spoor-2-traject': 'Spoor 2-traject',
  mediation: 'Mediation',
  werkvoorziening: 'Werkvoorziening',
  scholing: 'Scholing',
  overig: 'Overig',
}
export const ADVISED_BY = [
  'bedrijfsarts',
  'arbeidsdeskundige',
  'casemanager',
  'verzekeraar',
  'werkgever',
  'werknemer',
] as const
export const APPROVAL_STATUSES = ['aangevraagd', 'goedgekeurd', 'afgewezen'] as const
export const REIMBURSEMENT_STATUSES = [
  'niet-ingediend',
  'ingediend',
  'vergoed',
  'afgewezen',
] as const

export const interventionInputSchema = z.object({
  provider: requiredText(200),
  kind: z.enum(INTERVENTION_KINDS, { error: 'Kies een soort interventie.' }),
  quotedCostEuros: optionalEuroField,
  advisedBy: z.enum(ADVISED_BY, { error: 'Kies wie de interventie adviseerde.' }),
  approvalStatus: z.enum(APPROVAL_STATUSES).default('aangevraagd'),
  reimbursementStatus: z.enum(REIMBURSEMENT_STATUSES).default('niet-ingediend'),
  requestedOn: optionalDateField,
  note: optionalText(2000),
  /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
  nonMedical: nonMedicalSchema,
})
export type InterventionInput = z.input<typeof interventionInputSchema>
export type Intervention = z.output<typeof interventionInputSchema> &
  RecordMeta & { dossierId: string }

// ── Afspraken ───────────────────────────────────────────────────────────────────────────────

const localDateTime = z
  .string({ error: msg.required })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Vul datum en tijd in.')

export const APPOINTMENT_STATUSES = [
  'gepland',
  'geweest',
  'geannuleerd',
  'niet-verschenen',
] as const
export const appointmentInputSchema = z
  .object({
    startsAt: localDateTime,
    withWhom: requiredText(200),
    location: optionalText(200),
    status: z.enum(APPOINTMENT_STATUSES).default('gepland'),
    /** When it was cancelled: a cancellation < 24 h before counts as a no-show (domain §6.5). */
    cancelledAt: z
      .union([localDateTime, z.literal(''), z.null(), z.undefined()])
      .transform((v) => (v ? v : undefined))
      .optional(),
    /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
    nonMedical: nonMedicalSchema,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'geannuleerd' && !v.cancelledAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['cancelledAt'],
        message: 'Vul in wanneer is geannuleerd.',
      })
    }
  })
export type AppointmentInput = z.input<typeof appointmentInputSchema>
export type Appointment = z.output<typeof appointmentInputSchema> &
  RecordMeta & { dossierId: string }

// ── Bijlagen ────────────────────────────────────────────────────────────────────────────────

export const ATTACHMENT_SOURCES = [
  'bedrijfsarts',
  'arbeidsdeskundige',
  'uwv',
  'werkgever',
  'werknemer',
  'overig',
] as const
export const ATTACHMENT_KINDS = [
  'probleemanalyse',
  'actueel-oordeel',
  'functionele-mogelijkhedenlijst',
  'arbeidsdeskundig-rapport',
  'correspondentie',
  'overig',
] as const

export const attachmentInputSchema = z.object({
  title: requiredText(200),
  source: z.enum(ATTACHMENT_SOURCES),
  kind: z.enum(ATTACHMENT_KINDS),
  receivedOn: dateField,
  /** Marked medical by the user: exports and the RIV bundle refuse it (domain §5.5 item 4). */
  markedMedical: z.boolean().default(false),
  /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
  nonMedical: nonMedicalSchema,
})
export type AttachmentInput = z.input<typeof attachmentInputSchema>
export type Attachment = z.output<typeof attachmentInputSchema> &
  RecordMeta & {
    dossierId: string
    fileName: string
    mimeType: string
    size: number
    /** SHA-256 of the content, hex; the blob is stored content-addressed under this key. */
    sha256: string
  }

// ── Mijlpalen (gemarkeerd als gedaan of vervallen) ───────────────────────────────────────────

export const milestoneMarkInputSchema = z
  .object({
    key: z.string().min(1),
    state: z.enum(['done', 'waived']),
    date: dateField,
    /** Required when waived (Regeling procesgang art. 5: a motivated deviation). */
    motivation: optionalText(2000),
    /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
    nonMedical: nonMedicalSchema,
  })
  .superRefine((v, ctx) => {
    if (v.state === 'waived' && !v.motivation) {
      ctx.addIssue({
        code: 'custom',
        path: ['motivation'],
        message: 'Geef een motivering waarom deze stap vervalt.',
      })
    }
  })
export type MilestoneMarkInput = z.input<typeof milestoneMarkInputSchema>
export type MilestoneMark = z.output<typeof milestoneMarkInputSchema> &
  RecordMeta & { dossierId: string }
