import { POLICY_PROFILE_IDS } from '../../shared/domain/policy-profile'
import type { Result } from '../../shared/kernel/errors'
import { addDays, type IsoDate } from '../../shared/kernel/iso-date'
import { CITIES, daysAgo, dutch, fictionalBsn, FIRST_NAMES, LAST_NAMES, STREETS } from './fictional'
import type { Repositories } from './repositories'

/** Days since the first sick day for each sample case, chosen to show every stage of the 104 weeks. */
const CASES: readonly {
  days: number
  kind?: 'recovered' | 'samentelling' | 'leave' | 'partial'
}[] = [
  { days: 1 },
  { days: 5 },
  { days: 12 },
  { days: 38 },
  { days: 45 },
  { days: 54, kind: 'partial' },
  { days: 70 },
  { days: 120, kind: 'samentelling' },
  { days: 200, kind: 'partial' },
  { days: 288 },
  { days: 300 },
  { days: 330, kind: 'leave' },
  { days: 355 },
  { days: 420 },
  { days: 560, kind: 'partial' },
  { days: 628 },
  { days: 645 },
  { days: 90, kind: 'recovered' },
  { days: 30, kind: 'recovered' },
  { days: 160 },
]

/** Steps the rule core tracks, with the counted day they fall due (weeks 6, 8, 42 and 52). */
const MARKED_STEPS = [
  ['probleemanalyse', 42],
  ['plan-van-aanpak', 56],
  ['melding-uwv-42', 294],
  ['eerstejaarsevaluatie', 364],
] as const

const EMPLOYERS = [
  'Bakkerij Jansen & Zn.',
  'Installatiebedrijf Kok',
  'Transportbedrijf De Wit',
  'Kapsalon Knip',
  'Drukkerij Het Anker',
  'Hoveniersbedrijf Groenrijk',
] as const

const SUMMARIES = [
  'Gesprek over de voortgang. Werknemer geeft aan dat het opbouwen van uren goed gaat; afgesproken om volgende week een uur per dag extra te werken.',
  'Werkplek bekeken met leidinggevende. Afgesproken: aangepaste taken zonder tillen, in overleg met de bedrijfsarts.',
  'Telefonisch contact. Werknemer heeft het advies van de bedrijfsarts ontvangen; de werkgever heeft dezelfde terugkoppeling gekregen.',
  'Evaluatie plan van aanpak: doelen voor de komende zes weken vastgelegd, eigen oordeel van de werknemer genoteerd.',
  'Huisbezoek afgelegd. Werknemer wil graag contact houden met collega’s; afgesproken dat een collega wekelijks belt.',
] as const

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`Voorbeelddata ongeldig: ${r.error.message}`)
  return r.value
}

/** Fills the app with about twenty fictional dossiers, through the repositories (so validated). */
export async function loadSampleData(
  repos: Repositories,
  today: IsoDate,
): Promise<{ dossiers: number }> {
  const employerIds: string[] = []
  for (const [i, name] of EMPLOYERS.entries()) {
    const [city, pc] = CITIES[i % CITIES.length] ?? ['Utrecht', '3511']
    const employer = unwrap(
      await repos.employers.create({
        name,
        kvkNumber: String(30_100_000 + i * 1111),
        loonheffingennummer: `${fictionalBsn(800_000 + i * 13)}L01`,
        address: {
          street: STREETS[i % STREETS.length],
          houseNumber: String(10 + i),
          postcode: `${pc} K${'ABCDEF'[i]}`,
          city,
        },
        contactPerson: {
          name: `${FIRST_NAMES[i + 6]} ${LAST_NAMES[i + 3]?.[1]}`,
          phone: `033 45${String(60000 + i).slice(-5)}`,
        },
        policyProfile: POLICY_PROFILE_IDS[i % POLICY_PROFILE_IDS.length],
        moduleStartDate: i % 4 === 0 ? undefined : dutch(addDays(today, -900)),
      }),
    )
    employerIds.push(employer.id)
  }

  let made = 0
  for (const [i, c] of CASES.entries()) {
    const [infix, lastName] = LAST_NAMES[i % LAST_NAMES.length] ?? ['', 'Jansen']
    const [city, pc] = CITIES[i % CITIES.length] ?? ['Utrecht', '3511']
    const employee = unwrap(
      await repos.employees.create({
        employerId: employerIds[i % employerIds.length],
        firstName: FIRST_NAMES[i % FIRST_NAMES.length],
        infix,
        lastName,
        bsn: fictionalBsn(2_345_678 + i * 101),
        dateOfBirth: dutch(addDays('1970-01-01' as IsoDate, i * 401)),
        address: {
          street: STREETS[(i + 2) % STREETS.length],
          houseNumber: String(3 + i),
          postcode: `${pc} M${'ABCDEFGHJK'[i % 10]}`,
          city,
        },
        phone: `06 ${String(12_345_600 + i * 7)}`,
        jobTitle: ['Bakker', 'Monteur', 'Chauffeur', 'Kapper', 'Drukker', 'Hovenier'][i % 6],
        contractHoursPerWeek: [38, 32, 40, 24, 36, 28][i % 6],
        employmentStart: dutch(addDays(today, -2500 - i * 90)),
      }),
    )
    const dossier = unwrap(
      await repos.dossiers.create({
        employeeId: employee.id,
        casemanager: ['Petra Visser', 'Ahmed Yilmaz', 'Karin de Jong'][i % 3],
        arbodienst: { organisation: ['ArboNed', 'Arbo Unie', 'HumanCapitalCare'][i % 3] },
        bedrijfsarts: { name: ['drs. M. de Leeuw', 'J. Koster', 'dr. S. Amrani'][i % 3] },
        status: c.kind === 'recovered' ? 'hersteld' : 'actief',
      }),
    )
    const first = daysAgo(today, c.days)
    const report = {
      reportedToEmployerOn: dutch(first),
      reportedToArbodienstOn: dutch(addDays(first, i % 4 === 0 ? 6 : 1)),
    }
    if (c.kind === 'samentelling') {
      unwrap(
        await repos.sickPeriods.create(dossier.id, {
          start: dutch(first),
          end: dutch(addDays(first, 40)),
          ...report,
        }),
      )
      unwrap(await repos.sickPeriods.create(dossier.id, { start: dutch(addDays(first, 51)) }))
    } else if (c.kind === 'recovered') {
      unwrap(
        await repos.sickPeriods.create(dossier.id, {
          start: dutch(first),
          end: dutch(addDays(first, c.days - 14)),
          ...report,
        }),
      )
    } else {
      unwrap(await repos.sickPeriods.create(dossier.id, { start: dutch(first), ...report }))
    }
    if (c.kind === 'leave') {
      unwrap(
        await repos.leaves.create(dossier.id, {
          start: dutch(addDays(first, 100)),
          end: dutch(addDays(first, 211)),
          sameCauseAroundLeave: true,
        }),
      )
    }
    if (c.kind === 'partial') {
      unwrap(
        await repos.partialRecoveries.create(dossier.id, {
          date: dutch(addDays(first, Math.floor(c.days / 2))),
          hoursPerWeek: '16',
        }),
      )
    }
    const contactCount = Math.min(5, 2 + Math.floor(c.days / 60))
    for (let k = 0; k < contactCount; k++) {
      unwrap(
        await repos.contacts.create(dossier.id, {
          date: dutch(addDays(first, Math.floor((k * c.days) / contactCount))),
          kind: ['gesprek', 'telefonisch', 'werkplekbezoek', 'huisbezoek', 'e-mail'][k % 5],
          participants: 'werknemer, leidinggevende, casemanager',
          summary: SUMMARIES[(i + k) % SUMMARIES.length],
          hoursWorked: c.kind === 'partial' && k > 0 ? '12' : '',
        }),
      )
    }
    if (c.days > 60 && i % 2 === 0) {
      unwrap(
        await repos.interventions.create(dossier.id, {
          provider: ['Werkfit Coaching', 'Loopbaanhuis Midden', 'Ergo Advies'][i % 3],
          kind: ['coaching', 'loopbaanbegeleiding', 'werkplekonderzoek'][i % 3],
          quotedCostEuros: ['1.450,00', '2.950,00', '650,00'][i % 3],
          advisedBy: 'bedrijfsarts',
          approvalStatus: i % 4 === 0 ? 'goedgekeurd' : 'aangevraagd',
          requestedOn: dutch(addDays(first, 45)),
        }),
      )
    }
    // Steps done on time once well past their deadline; cases just before or past one stay open.
    for (const [key, dueDay] of MARKED_STEPS) {
      if (c.days < dueDay + 10) continue
      unwrap(
        await repos.milestoneMarks.create(dossier.id, {
          key,
          state: 'done',
          date: dutch(addDays(first, dueDay - 2)),
        }),
      )
    }
    if (c.days >= 420) {
      unwrap(
        await repos.milestoneMarks.create(dossier.id, {
          key: 'spoor-2-start',
          state: 'waived',
          date: dutch(addDays(first, 370)),
          motivation:
            'Bij de eerstejaarsevaluatie vastgesteld: concreet perspectief op volledige terugkeer in de eigen functie binnen drie maanden.',
        }),
      )
    }
    if (i === 4) {
      const at = `${addDays(today, -3)}T10:00`
      unwrap(
        await repos.appointments.create(dossier.id, {
          startsAt: at,
          withWhom: 'Spreekuur bedrijfsarts',
          status: 'geannuleerd',
          cancelledAt: `${addDays(today, -4)}T16:30`,
        }),
      )
    }
    made++
  }
  return { dossiers: made }
}
