import { effectiveContacts } from './corrections'
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, type AuditEntry } from '../audit/chain'
import type {
  Appointment,
  Attachment,
  Contact,
  Dossier,
  Employee,
  Employer,
  Intervention,
  Leave,
  MilestoneMark,
  PartialRecovery,
  SickPeriod,
} from '../domain/entities'

/**
 * The employee's right of access (AVG art. 15; domain §5.7): ONE file with every personal datum
 * Hervat holds about him in this dossier (werkgever, werknemer, dossier, periods, contacts,
 * interventions, appointments, documents as metadata) and the dossier's audit trail — who saw or
 * changed it, when and from which device. Dutch keys, so the employee can read it.
 *
 * Keys are translated by one table; a key without a translation keeps its English name rather
 * than being dropped (nothing held may be left out), and a test checks every schema key has one.
 */
export const ACCESS_EXPORT_FORMAT = 'hervat-inzage'

export const DUTCH_KEYS: Readonly<Record<string, string>> = {
  id: 'id',
  createdAt: 'aangemaaktOp',
  nonMedical: 'bevestigdGeenMedischeInformatie',
  corrects: 'corrigeert',
  updatedAt: 'gewijzigdOp',
  dossierId: 'dossierId',
  employerId: 'werkgeverId',
  employeeId: 'werknemerId',
  // werkgever
  name: 'naam',
  kvkNumber: 'kvkNummer',
  loonheffingennummer: 'loonheffingennummer',
  address: 'adres',
  street: 'straat',
  houseNumber: 'huisnummer',
  postcode: 'postcode',
  city: 'plaats',
  contactPerson: 'contactpersoon',
  organisation: 'organisatie',
  phone: 'telefoon',
  email: 'eMail',
  policyProfile: 'polisprofiel',
  moduleStartDate: 'startModuleOp',
  eigenrisicodragerZw: 'eigenrisicodragerZiektewet',
  // werknemer
  firstName: 'voornaam',
  infix: 'tussenvoegsel',
  lastName: 'achternaam',
  bsn: 'bsn',
  dateOfBirth: 'geboortedatum',
  jobTitle: 'functie',
  contractHoursPerWeek: 'contracturenPerWeek',
  employmentStart: 'inDienstSinds',
  employmentEnd: 'uitDienstOp',
  // dossier
  casemanager: 'casemanager',
  arbodienst: 'arbodienst',
  bedrijfsarts: 'bedrijfsarts',
  status: 'status',
  safetyNet: 'vangnetregeling',
  workAccident: 'arbeidsongeval',
  thirdPartyLiable: 'aansprakelijkeDerde',
  loonsanctieDecisionOn: 'loonsanctieBesluitOp',
  reintegrationCompletedOn: 'reintegratieAfgerondOp',
  longTermExpectedOn: 'langdurigVerzuimVerwachtSinds',
  voluntaryExtensionWeeks: 'vrijwilligeVerlengingWeken',
  voluntaryExtensionRequestedOn: 'vrijwilligeVerlengingAangevraagdOp',
  expectedDeliveryDate: 'vermoedelijkeBevallingsdatum',
  legalHold: 'juridischeBlokkade',
  kind: 'soort',
  reason: 'reden',
  since: 'sinds',
  // ziekteperiodes, herstel, verlof
  start: 'begin',
  end: 'einde',
  reportedToEmployerOn: 'ziekGemeldBijWerkgeverOp',
  reportedToArbodienstOn: 'gemeldBijArbodienstOp',
  date: 'datum',
  hoursPerWeek: 'urenPerWeek',
  note: 'toelichting',
  sameCauseAroundLeave: 'zelfdeOorzaakRondVerlof',
  // contactmomenten, interventies, afspraken
  participants: 'deelnemers',
  summary: 'verslag',
  hoursWorked: 'gewerkteUren',
  provider: 'aanbieder',
  quotedCostEuros: 'offertebedragEuro',
  advisedBy: 'geadviseerdDoor',
  approvalStatus: 'goedkeuring',
  reimbursementStatus: 'vergoeding',
  requestedOn: 'aangevraagdOp',
  startsAt: 'tijdstip',
  withWhom: 'metWie',
  location: 'locatie',
  cancelledAt: 'geannuleerdOp',
  // documenten
  title: 'titel',
  source: 'bron',
  receivedOn: 'ontvangenOp',
  markedMedical: 'alsMedischGemarkeerd',
  fileName: 'bestandsnaam',
  mimeType: 'bestandstype',
  size: 'grootteInBytes',
  sha256: 'controlesomSha256',
  // mijlpalen
  key: 'stap',
  state: 'stand',
  motivation: 'motivering',
}

function dutch(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dutch)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [DUTCH_KEYS[k] ?? k, dutch(v)]),
  )
}

export type AccessExportInput = {
  readonly employer: Employer
  readonly employee: Employee
  readonly dossier: Dossier
  readonly sickPeriods: readonly SickPeriod[]
  readonly partialRecoveries: readonly PartialRecovery[]
  readonly leaves: readonly Leave[]
  readonly contacts: readonly Contact[]
  readonly interventions: readonly Intervention[]
  readonly appointments: readonly Appointment[]
  readonly attachments: readonly Attachment[]
  readonly milestoneMarks: readonly MilestoneMark[]
}

/** The audit trail as the employee reads it: newest first, labels in Dutch. */
export function trailForEmployee(trail: readonly AuditEntry[]) {
  return [...trail]
    .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.seq - a.seq))
    .map((e) => ({
      tijdstip: e.at,
      wie: e.actorName,
      ...(e.actorId ? { gebruikerId: e.actorId } : {}),
      handeling: AUDIT_ACTION_LABELS[e.action],
      onderdeel: DUTCH_TABLE_NAMES[e.objectType] ?? e.objectType,
      ...(e.objectId ? { onderdeelId: e.objectId } : {}),
      apparaat: e.deviceId,
      resultaat: AUDIT_OUTCOME_LABELS[e.outcome],
      ...(e.detail ? { toelichting: e.detail } : {}),
    }))
}

export const DUTCH_TABLE_NAMES: Readonly<Record<string, string>> = {
  employers: 'werkgever',
  employees: 'werknemer',
  dossiers: 'dossier',
  sickPeriods: 'ziekteperiode',
  partialRecoveries: 'gedeeltelijk herstel',
  leaves: 'verlof',
  contacts: 'contactmoment',
  interventions: 'interventie',
  appointments: 'afspraak',
  attachments: 'document',
  milestoneMarks: 'mijlpaal',
  documents: 'document van het re-integratieverslag',
  documentSignatures: 'handtekening',
  changes: 'wijzigingsgeschiedenis',
  backup: 'back-up',
  'inzage-export': 'inzage-export (AVG art. 15)',
  sync: 'synchronisatie',
  database: 'alle gegevens',
}

export function buildAccessExport(
  data: AccessExportInput,
  trail: readonly AuditEntry[],
  made: { readonly at: string; readonly by: string },
) {
  return {
    formaat: ACCESS_EXPORT_FORMAT,
    versie: 1,
    titel: 'Inzage in persoonsgegevens (AVG artikel 15)',
    gemaaktOp: made.at,
    gemaaktDoor: made.by,
    toelichting:
      'Dit bestand bevat alle gegevens die in Hervat over u zijn vastgelegd in dit re-integratiedossier, en de audittrail: wie het dossier heeft ingezien, gewijzigd of geëxporteerd, wanneer en vanaf welk apparaat. Van documenten staan alleen de beschrijvende gegevens in dit bestand; een kopie van een document kunt u bij uw casemanager opvragen.',
    werkgever: dutch(data.employer),
    werknemer: dutch(data.employee),
    dossier: dutch(data.dossier),
    ziekteperiodes: dutch(data.sickPeriods),
    gedeeltelijkHerstel: dutch(data.partialRecoveries),
    verlof: dutch(data.leaves),
    // As corrected: a correcting entry stands in place of the one it corrects (docs/adr/0009).
    contactmomenten: dutch(effectiveContacts(data.contacts)),
    interventies: dutch(data.interventions),
    afspraken: dutch(data.appointments),
    // Documents marked medical are counted, never described: a title can itself be medical.
    documenten: dutch(data.attachments.filter((a) => !a.markedMedical)),
    medischGemarkeerdeDocumenten: data.attachments.filter((a) => a.markedMedical).length,
    mijlpalen: dutch(data.milestoneMarks),
    audittrail: trailForEmployee(trail),
  }
}
