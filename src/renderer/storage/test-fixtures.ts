import type { Repositories } from './repositories'

/**
 * A werkgever, werknemer and dossier to start tests and benchmarks from. Kept apart from
 * test-support.ts (which derives its test key with a top-level await) so that the benchmarks,
 * which tsx runs as CommonJS, can import it.
 */
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

export async function seedDossier(repos: Repositories) {
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
