import { DOSSIER_STATUS_LABELS } from '../../../shared/domain/entities'
import { parseHlc, type Json, type SyncTable } from '../../../shared/sync'

/** Dutch names of the synced tables and fields, for the conflict screen (the forms' own labels). */
export const TABLE_LABELS: Record<SyncTable, string> = {
  employers: 'Werkgever',
  employees: 'Werknemer',
  dossiers: 'Dossier',
  sickPeriods: 'Ziekteperiode',
  partialRecoveries: 'Gedeeltelijk herstel',
  leaves: 'Verlof',
  contacts: 'Contactmoment',
  interventions: 'Interventie',
  appointments: 'Afspraak',
  attachments: 'Document',
  milestoneMarks: 'Mijlpaal',
  documents: 'Document van het dossier',
  documentSignatures: 'Handtekening',
  audit: 'Audittrail',
}

const COMMON: Record<string, string> = {
  createdAt: 'Aangemaakt op',
  updatedAt: 'Laatst gewijzigd',
  deleted: 'Verwijderd',
  address: 'Adres',
  start: 'Begindatum',
  end: 'Einddatum',
  date: 'Datum',
  kind: 'Soort',
  note: 'Toelichting',
  status: 'Status',
}

const FIELD_LABELS: Partial<Record<SyncTable, Record<string, string>>> = {
  employers: {
    name: 'Naam werkgever',
    kvkNumber: 'KvK-nummer',
    loonheffingennummer: 'Loonheffingennummer',
    contactPerson: 'Contactpersoon',
    policyProfile: 'Polisprofiel',
    moduleStartDate: 'Ingangsdatum module',
    eigenrisicodragerZw: 'Eigenrisicodrager Ziektewet',
  },
  employees: {
    employerId: 'Werkgever',
    firstName: 'Voornaam',
    infix: 'Tussenvoegsel',
    lastName: 'Achternaam',
    bsn: 'BSN',
    dateOfBirth: 'Geboortedatum',
    phone: 'Telefoon',
    email: 'E-mail',
    jobTitle: 'Functie',
    contractHoursPerWeek: 'Contracturen per week',
    employmentStart: 'In dienst sinds',
    employmentEnd: 'Uit dienst per',
  },
  dossiers: {
    employeeId: 'Werknemer',
    employerId: 'Werkgever',
    casemanager: 'Casemanager',
    arbodienst: 'Arbodienst',
    bedrijfsarts: 'Bedrijfsarts',
    status: 'Status dossier',
    safetyNet: 'Vangnetregeling (Ziektewet)',
    workAccident: 'Verband met een arbeidsongeval',
    thirdPartyLiable: 'Verkeersongeval met mogelijk aansprakelijke derde (regres)',
    loonsanctieDecisionOn: 'Datum besluit loonsanctie UWV',
    reintegrationCompletedOn: 'Re-integratie afgerond op',
    longTermExpectedOn: 'Dreigend langdurig verzuim bekend sinds',
    voluntaryExtensionWeeks: 'Vrijwillige verlenging loondoorbetaling (weken)',
    voluntaryExtensionRequestedOn: 'Verlenging aangevraagd bij UWV op',
  },
  sickPeriods: {
    reportedToEmployerOn: 'Ziekgemeld bij werkgever op',
    reportedToArbodienstOn: 'Ziekgemeld bij arbodienst op',
  },
  partialRecoveries: { hoursPerWeek: 'Uren per week' },
  leaves: {
    sameCauseAroundLeave: 'Zelfde oorzaak rond het verlof',
    expectedDeliveryDate: 'Vermoedelijke bevallingsdatum',
  },
  contacts: {
    participants: 'Deelnemers',
    summary: 'Verslag',
    hoursWorked: 'Gewerkte uren',
  },
  interventions: {
    provider: 'Aanbieder',
    quotedCostEuros: 'Offertebedrag (euro)',
    advisedBy: 'Geadviseerd door',
    approvalStatus: 'Akkoord',
    reimbursementStatus: 'Vergoeding',
    requestedOn: 'Aangevraagd op',
  },
  appointments: {
    startsAt: 'Tijdstip',
    withWhom: 'Met wie',
    location: 'Locatie',
    cancelledAt: 'Geannuleerd op',
  },
  attachments: {
    title: 'Titel',
    source: 'Bron',
    receivedOn: 'Ontvangen op',
    markedMedical: 'Medisch gemarkeerd',
    fileName: 'Bestandsnaam',
  },
  milestoneMarks: { key: 'Mijlpaal', state: 'Stand', motivation: 'Motivering' },
  documents: { content: 'Inhoud', type: 'Soort document' },
}

export function fieldLabel(table: SyncTable, field: string): string {
  return FIELD_LABELS[table]?.[field] ?? COMMON[field] ?? field
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A field value as a person reads it: dates as dd-mm-jjjj, yes/no, codes by their label. */
export function showValue(table: SyncTable, field: string, value: Json): string {
  if (value === null || value === '') return '(leeg)'
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee'
  if (typeof value === 'number') return value.toLocaleString('nl-NL')
  if (typeof value === 'string') {
    if (table === 'dossiers' && field === 'status' && value in DOSSIER_STATUS_LABELS)
      return DOSSIER_STATUS_LABELS[value as keyof typeof DOSSIER_STATUS_LABELS]
    const d = ISO_DATE.exec(value)
    return d ? `${d[3]}-${d[2]}-${d[1]}` : value
  }
  if (Array.isArray(value)) return value.map((v) => showValue(table, field, v)).join(', ')
  const parts = Object.values(value).filter((v) => v !== null && v !== '')
  return parts.length ? parts.map((v) => showValue(table, field, v)).join(', ') : '(leeg)'
}

/** When a version was written, from its HLC timestamp (the writer's clock). */
export function writtenAt(hlc: string): string {
  const p = parseHlc(hlc)
  return p
    ? new Date(p.wallMs).toLocaleString('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : ''
}
