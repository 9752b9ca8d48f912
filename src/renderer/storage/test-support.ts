import 'fake-indexeddb/auto'
import { deriveDataKeys, newDataKey } from './crypto/keys'
import { Vault } from './crypto/vault'
import { HervatDb } from './db'
import { createRepositories } from './repositories'

let n = 0

/** One data key for the test run: every repository test runs on the encrypted database. */
const testKeys = await deriveDataKeys(newDataKey())

/** An unlocked vault, as after the user entered the passphrase. */
export function unlockedVault(): Vault {
  const vault = new Vault()
  vault.unlock(testKeys)
  vault.strict = true
  return vault
}

/**
 * A fresh database per test (its own name) on fake-indexeddb, an IndexedDB implementation that
 * follows the spec, transactions and aborts included.
 */
export function freshRepos(now = '2026-11-20T10:00:00.000Z') {
  const vault = unlockedVault()
  const db = new HervatDb(`test-${++n}-${Math.random().toString(36).slice(2)}`, vault)
  let seq = 0
  const repos = createRepositories(
    db,
    () => new Date(now),
    () => `id-${String(++seq).padStart(4, '0')}`,
  )
  return { db, repos, vault }
}

export const employerInput = {
  name: 'Bakkerij Jansen',
  kvkNumber: '12345678',
  loonheffingennummer: '123456789L01',
  address: { postcode: '3811ab', city: 'Amersfoort' },
  contactPerson: {},
  policyProfile: 'goudse-op-maat',
}

export const employeeInput = (employerId: string) => ({
  employerId,
  firstName: 'Sanne',
  lastName: 'de Vries',
  bsn: '111222333',
  dateOfBirth: '14-03-1985',
  address: {},
  jobTitle: 'Bakker',
  contractHoursPerWeek: '32',
  employmentStart: '01-09-2015',
})

export async function seedDossier(repos: ReturnType<typeof freshRepos>['repos']) {
  const employer = await repos.employers.create(employerInput)
  if (!employer.ok) throw new Error(employer.error.message)
  const employee = await repos.employees.create(employeeInput(employer.value.id))
  if (!employee.ok) throw new Error(employee.error.message)
  const dossier = await repos.dossiers.create({
    employeeId: employee.value.id,
    casemanager: 'Petra Visser',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
  })
  if (!dossier.ok) throw new Error(dossier.error.message)
  return { employer: employer.value, employee: employee.value, dossier: dossier.value }
}
