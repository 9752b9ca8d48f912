import {
  employeeInputSchema,
  type Contact,
  type Dossier,
  type Employee,
  type Employer,
  type SickPeriod,
} from '../../shared/domain/entities'
import { POLICY_PROFILE_IDS } from '../../shared/domain/policy-profile'
import { addDays, type IsoDate } from '../../shared/kernel/iso-date'
import type { HervatDb } from './db'
import { CITIES, fictionalBsn, FIRST_NAMES, LAST_NAMES, pick, prng, STREETS } from './fictional'

/**
 * Bulk-inserts `n` generated dossiers for benchmarks (bypassing the repositories for speed; the
 * rows have the shape the schemas produce). Deterministic for a given seed.
 */
export async function generateDossiers(
  db: HervatDb,
  n: number,
  today: IsoDate,
  seed = 1,
): Promise<void> {
  const rnd = prng(seed)
  const now = `${today}T08:00:00.000Z`
  const meta = (id: string) => ({ id, createdAt: now, updatedAt: now })
  const employers: Employer[] = Array.from({ length: Math.max(1, Math.ceil(n / 40)) }, (_, i) => {
    const [city, pc] = pick(rnd, CITIES)
    return {
      ...meta(`bench-er-${i}`),
      name: `${pick(rnd, ['Bakkerij', 'Installatiebedrijf', 'Transport', 'Kapsalon', 'Drukkerij', 'Hoveniersbedrijf'])} ${pick(rnd, LAST_NAMES)[1]} ${i}`,
      kvkNumber: String(10_000_000 + i),
      loonheffingennummer: `${fictionalBsn(500_000 + i)}L01`,
      address: {
        street: pick(rnd, STREETS),
        houseNumber: String(1 + i),
        postcode: `${pc} AB`,
        city,
      },
      contactPerson: {},
      policyProfile: pick(rnd, POLICY_PROFILE_IDS),
      eigenrisicodragerZw: false,
    }
  })
  const employees: Employee[] = []
  const dossiers: Dossier[] = []
  const periods: SickPeriod[] = []
  const contacts: Contact[] = []
  for (let i = 0; i < n; i++) {
    const employer = employers[i % employers.length] as Employer
    const [infix, lastName] = pick(rnd, LAST_NAMES)
    const employee = employeeInputSchema.parse({
      employerId: employer.id,
      firstName: pick(rnd, FIRST_NAMES),
      infix,
      lastName,
      bsn: fictionalBsn(1_000_000 + i * 7),
      dateOfBirth: addDays('1960-01-01' as IsoDate, Math.floor(rnd() * 14_000)),
      address: { city: employer.address.city },
      jobTitle: pick(rnd, [
        'Medewerker productie',
        'Administratief medewerker',
        'Chauffeur',
        'Verkoper',
        'Monteur',
      ]),
      contractHoursPerWeek: pick(rnd, [16, 24, 32, 36, 40]),
      employmentStart: '2015-03-01',
    })
    employees.push({ ...employee, ...meta(`bench-ee-${i}`) })
    const dossierId = `bench-d-${i}`
    dossiers.push({
      ...meta(dossierId),
      employeeId: `bench-ee-${i}`,
      employerId: employer.id,
      casemanager: pick(rnd, ['Petra Visser', 'Ahmed Yilmaz', 'Karin de Jong']),
      arbodienst: {},
      bedrijfsarts: {},
      status: rnd() < 0.85 ? 'actief' : 'hersteld',
      safetyNet: 'onbekend',
      workAccident: false,
      thirdPartyLiable: false,
    })
    // 1–5 periods, the last possibly open, ending before today.
    const count = 1 + Math.floor(rnd() * 5)
    let start = addDays(today, -Math.floor(30 + rnd() * 700))
    for (let p = 0; p < count; p++) {
      const last = p === count - 1
      const length = 3 + Math.floor(rnd() * 60)
      let end: IsoDate | undefined = addDays(start, length)
      if (end >= today || (last && rnd() < 0.6)) end = undefined
      periods.push({ ...meta(`bench-sp-${i}-${p}`), dossierId, start, ...(end ? { end } : {}) })
      if (!end) break
      start = addDays(end, 5 + Math.floor(rnd() * 40))
      if (start >= today) break
    }
    for (let c = 0; c < 3; c++) {
      contacts.push({
        ...meta(`bench-c-${i}-${c}`),
        dossierId,
        date: addDays(today, -c * 14),
        kind: 'gesprek',
        participants: 'werknemer, casemanager',
        summary: 'Voortgang besproken; afspraken over opbouw van uren en taken.',
      })
    }
  }
  await db.transaction(
    'rw',
    [db.employers, db.employees, db.dossiers, db.sickPeriods, db.contacts],
    async () => {
      await db.employers.bulkAdd(employers)
      await db.employees.bulkAdd(employees)
      await db.dossiers.bulkAdd(dossiers)
      await db.sickPeriods.bulkAdd(periods)
      await db.contacts.bulkAdd(contacts)
    },
  )
}
