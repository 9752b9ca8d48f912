import { z } from 'zod'
import {
  dateField,
  optionalDateField,
  optionalHoursField,
  optionalText,
  requiredText,
} from '../domain/fields'
import { documentBaseShape, signatureSchema } from './common'
import { planVanAanpakSchema } from './plan-van-aanpak'

/**
 * The other dossier documents (domain §4.1, §4.3; uwv-forms §3–§4). None holds medical content:
 * the app stores the non-medical part the employer may receive (domain §5.3) and refers to the
 * BA's own PDF by attachment id.
 */

export const WORK_POSSIBILITIES = ['geen', 'tijdelijk-geen', 'beperkt', 'volledig'] as const
export const WORK_POSSIBILITY_LABELS: Record<(typeof WORK_POSSIBILITIES)[number], string> = {
  geen: 'Geen benutbare mogelijkheden',
  'tijdelijk-geen': 'Tijdelijk geen benutbare mogelijkheden',
  beperkt: 'Beperkte mogelijkheden',
  volledig: 'Volledige mogelijkheden',
}

/** Probleemanalyse or its bijstelling by the BA (Regeling art. 2 lid 2; vorm art. 2 lid 7). */
export const probleemanalyseSchema = z.object({
  ...documentBaseShape,
  kind: z.enum(['probleemanalyse', 'bijstelling']).default('probleemanalyse'),
  bedrijfsarts: requiredText(200),
  arbodienst: optionalText(200),
  workPossibilities: z.enum(WORK_POSSIBILITIES, { error: 'Kies de benutbare mogelijkheden.' }),
  /** Functional limitations as the BA reports them (FML/LAB terms), never a diagnosis. */
  functionalLimitations: optionalText(8000),
  expectedCourse: optionalText(4000),
  advice: optionalText(8000),
  /** The BA's PDF in the dossier's attachments. */
  attachmentId: optionalText(100),
})
export type Probleemanalyse = z.output<typeof probleemanalyseSchema>

export const evaluationProgressSchema = z.object({
  activityId: optionalText(100),
  activity: requiredText(1000),
  done: z.boolean(),
  explanation: optionalText(2000),
})

const signaturesField = z.array(signatureSchema).default([])

/** Periodic evaluation (Regeling art. 4 lid 2 b; domain §4.3). */
export const evaluatieSchema = z.object({
  ...documentBaseShape,
  participants: requiredText(500),
  planVersion: z.number().int().min(1).optional(),
  progress: z.array(evaluationProgressSchema).default([]),
  hoursWorkedPerWeek: optionalHoursField,
  conclusion: requiredText(8000),
  newAgreements: optionalText(8000),
  bijstellingNeeded: z.boolean().default(false),
  nextEvaluationOn: optionalDateField,
  signatures: signaturesField,
})
export type Evaluatie = z.output<typeof evaluatieSchema>

/** Signals that call for adjusting the approach (beoordelingskader §5; uwv-forms §4.1). */
export const ADJUSTMENT_SIGNALS = [
  'terugkeer-achter-op-schema',
  'geen-helder-doel',
  'instabiele-werkhervatting',
  'stagnatie',
  'deskundigenoordeel-zonder-effect',
  'wisselend-werk-en-uitval',
  'langdurig-werk-zonder-loonwaarde',
  'te-laag-niveau-of-te-weinig-uren',
] as const
export const ADJUSTMENT_SIGNAL_LABELS: Record<(typeof ADJUSTMENT_SIGNALS)[number], string> = {
  'terugkeer-achter-op-schema': 'Terugkeer loopt achter op de planning',
  'geen-helder-doel': 'Geen plan van aanpak of geen helder doel',
  'instabiele-werkhervatting': 'Werkhervatting is niet stabiel',
  stagnatie: 'Re-integratie stagneert',
  'deskundigenoordeel-zonder-effect': 'Deskundigenoordeel heeft niet geholpen',
  'wisselend-werk-en-uitval': 'Afwisselend werken en uitval',
  'langdurig-werk-zonder-loonwaarde': 'Langdurig werk zonder loonwaarde',
  'te-laag-niveau-of-te-weinig-uren': 'Te laag niveau of te weinig uren zonder perspectief',
}

export const SPOOR2_DECISIONS = ['starten', 'niet-nodig'] as const
export const SPOOR2_DECISION_LABELS: Record<(typeof SPOOR2_DECISIONS)[number], string> = {
  starten: 'Spoor 2 wordt gestart',
  'niet-nodig': 'Spoor 2 is niet nodig: terugkeer bij de eigen werkgever is concreet in zicht',
}

/** Eerstejaarsevaluatie with the explicit spoor-2 decision (beoordelingskader §5; §2.9). */
export const eerstejaarsevaluatieSchema = z.object({
  ...documentBaseShape,
  participants: requiredText(500),
  lookBack: requiredText(8000),
  onCourse: z.boolean({ error: 'Geef aan of de re-integratie op koers is.' }),
  adjustmentSignals: z.array(z.enum(ADJUSTMENT_SIGNALS)).default([]),
  employerView: optionalText(8000),
  employeeView: optionalText(8000),
  spoor2Decision: z.enum(SPOOR2_DECISIONS, { error: 'Leg de beslissing over spoor 2 vast.' }),
  spoor2Motivation: requiredText(4000),
  lookAhead: optionalText(8000),
  arbeidsdeskundigOnderzoekOn: optionalDateField,
  newAgreements: optionalText(8000),
  signatures: signaturesField,
})
export type Eerstejaarsevaluatie = z.output<typeof eerstejaarsevaluatieSchema>

/** Actueel oordeel of the BA (Regeling art. 6 i, j, k; vorm art. 2 lid 9): no medical content. */
export const actueelOordeelSchema = z.object({
  ...documentBaseShape,
  bedrijfsarts: requiredText(200),
  arbodienst: optionalText(200),
  course: optionalText(8000),
  functionalPossibilities: optionalText(8000),
  employmentRelationshipView: optionalText(4000),
  suitableWorkView: optionalText(4000),
  attachmentId: optionalText(100),
})
export type ActueelOordeel = z.output<typeof actueelOordeelSchema>

/** Eindevaluatie with the employer's views (vorm art. 2 lid 5, lid 10; Regeling art. 6 b, i, k). */
export const eindevaluatieSchema = z.object({
  ...documentBaseShape,
  participants: requiredText(500),
  stateOfReintegration: requiredText(8000),
  lookBack: optionalText(8000),
  /** Item b: the nature of the business (activities, size, kinds of functions). */
  businessNature: requiredText(4000),
  /** Item i: the employer's view on the quality of the employment relationship. */
  employmentRelationshipView: requiredText(4000),
  /** Item k: the employer's view on available suitable work. */
  suitableWorkView: requiredText(4000),
  actueelOordeelId: optionalText(100),
  signatures: signaturesField,
})
export type Eindevaluatie = z.output<typeof eindevaluatieSchema>

/** Item c and d: the employee's job and skills (vorm art. 2 lid 4). */
export const functieEnBekwaamhedenSchema = z.object({
  ...documentBaseShape,
  jobDescription: requiredText(4000),
  skills: requiredText(4000),
})
export type FunctieEnBekwaamheden = z.output<typeof functieEnBekwaamhedenSchema>

/** Item l: the employee's own oordeel, free text written by the employee (never pre-filled). */
export const oordeelWerknemerSchema = z.object({
  ...documentBaseShape,
  text: requiredText(20000),
  signatures: signaturesField,
})
export type OordeelWerknemer = z.output<typeof oordeelWerknemerSchema>

/** How the 42-week report reached UWV (uwv-forms §5.2; domain §2.8). */
export const MELDING_42_CHANNELS = [
  'werkgeversportaal',
  'formulier',
  'digipoort',
  'arbodienst',
] as const
export const MELDING_42_CHANNEL_LABELS: Record<(typeof MELDING_42_CHANNELS)[number], string> = {
  werkgeversportaal: 'Werkgeversportaal UWV (Verzuimmelder)',
  formulier: 'Formulier Ziekteaangifte 42e week',
  digipoort: 'Digipoort (salaris- of verzuimsoftware)',
  arbodienst: 'Door arbodienst of verzekeraar namens de werkgever',
}

/**
 * The 42-week report as made (ZW art. 38 lid 1; domain §4.5: reporter, report date, UWV
 * confirmation reference): `date` is the day it was reported; it fulfils `melding-uwv-42`.
 */
export const melding42Schema = z.object({
  ...documentBaseShape,
  date: dateField,
  reportedBy: requiredText(200),
  channel: z.enum(MELDING_42_CHANNELS, { error: 'Kies hoe er is gemeld.' }),
  /** UWV's kenmerk from the confirmation (e-mail or letter). */
  uwvKenmerk: optionalText(100),
})
export type Melding42Record = z.output<typeof melding42Schema>

/** All documents of one dossier, as the export holds them. */
export const dossierDocumentsSchema = z.object({
  functieEnBekwaamheden: functieEnBekwaamhedenSchema.optional(),
  probleemanalyses: z.array(probleemanalyseSchema).default([]),
  planVanAanpak: z.array(planVanAanpakSchema).default([]),
  evaluaties: z.array(evaluatieSchema).default([]),
  eerstejaarsevaluatie: eerstejaarsevaluatieSchema.optional(),
  actueelOordelen: z.array(actueelOordeelSchema).default([]),
  eindevaluatie: eindevaluatieSchema.optional(),
  oordeelWerknemer: oordeelWerknemerSchema.optional(),
  /** The registered 42-week report (the newest record). */
  melding42: melding42Schema.optional(),
})
export type DossierDocuments = z.output<typeof dossierDocumentsSchema>
