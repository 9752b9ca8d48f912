import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isoDate } from '../../shared/kernel/iso-date'
import { rankCaseload } from '../features/deadlines/deadline-views'
import { employeeInput, employerInput, freshRepos, seedDossier } from './test-support'

describe('caseload', () => {
  it('joins each dossier with its werknemer, werkgever, periods, leaves and marks', async () => {
    const { repos } = freshRepos('2025-06-01T10:00:00.000Z')
    const { dossier, employee, employer } = await seedDossier(repos)
    await repos.sickPeriods.create(dossier.id, {
      start: '03-03-2025',
      reportedToEmployerOn: '03-03-2025',
      reportedToArbodienstOn: '04-03-2025',
    })
    await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '20-01-2025' })
    await repos.leaves.create(dossier.id, {
      start: '01-04-2025',
      end: '20-05-2025',
      sameCauseAroundLeave: false,
    })
    await repos.milestoneMarks.create(dossier.id, {
      key: 'probleemanalyse',
      state: 'done',
      date: '10-02-2025',
    })

    // A second werkgever with a recovered werknemer, to see that rows do not mix.
    const other = await repos.employers.create({
      ...employerInput,
      name: 'Installatiebedrijf Kök',
      policyProfile: 'wettelijk',
    })
    if (!other.ok) throw new Error('seed')
    const worker = await repos.employees.create({
      ...employeeInput(other.value.id),
      firstName: 'Mehmet',
      infix: '',
      lastName: 'Özdemir',
      bsn: '111222345',
    })
    if (!worker.ok) throw new Error(worker.error.message)
    const second = await repos.dossiers.create({
      employeeId: worker.value.id,
      casemanager: 'Ahmed Yilmaz',
      arbodienst: {},
      bedrijfsarts: {},
      status: 'hersteld',
    })
    if (!second.ok) throw new Error(second.error.message)
    await repos.sickPeriods.create(second.value.id, { start: '02-05-2025', end: '09-05-2025' })

    const rows = await repos.caseload.list()
    expect(rows).toHaveLength(2)
    const first = rows.find((r) => r.dossierId === dossier.id)
    expect(first).toMatchObject({
      employeeId: employee.id,
      employeeName: 'Sanne de Vries',
      bsn: '111222333',
      employerId: employer.id,
      employerName: 'Bakkerij Jansen',
      policyProfile: 'goudse-op-maat',
      status: 'actief',
      casemanager: 'Petra Visser',
      firstSickDay: '2025-01-06',
      openSickPeriod: true,
      sickPeriods: [
        { start: '2025-01-06', end: '2025-01-20' },
        {
          start: '2025-03-03',
          reportedToEmployerOn: '2025-03-03',
          reportedToArbodienstOn: '2025-03-04',
        },
      ],
      leaves: [{ start: '2025-04-01', end: '2025-05-20', sameCauseAroundLeave: false }],
      marks: [{ key: 'probleemanalyse', state: 'done', date: '2025-02-10' }],
      updatedAt: dossier.updatedAt,
    })
    expect(first?.searchText).toContain('sanne de vries')
    expect(first?.searchText).toContain('111222333')
    const recovered = rows.find((r) => r.dossierId === second.value.id)
    expect(recovered).toMatchObject({
      employeeName: 'Mehmet Özdemir',
      employerName: 'Installatiebedrijf Kök',
      policyProfile: 'wettelijk',
      status: 'hersteld',
      openSickPeriod: false,
      firstSickDay: '2025-05-02',
      leaves: [],
      marks: [],
    })
    // Search folds accents, so "ozdemir" and "kok" find him.
    expect(recovered?.searchText).toContain('ozdemir')
    expect(recovered?.searchText).toContain('kok')
  })

  it('lists a dossier without sick periods with no first sick day', async () => {
    const { repos } = freshRepos()
    await seedDossier(repos)
    const [row] = await repos.caseload.list()
    expect(row?.firstSickDay).toBeUndefined()
    expect(row?.openSickPeriod).toBe(false)
    expect(row?.sickPeriods).toEqual([])
  })

  it('a Plan van Aanpak signed by both closes the step in the caseload, on the later signing day', async () => {
    const { repos } = freshRepos('2025-03-20T10:00:00.000Z')
    const { dossier } = await seedDossier(repos)
    await repos.sickPeriods.create(dossier.id, { start: '06-01-2025' })
    const plan = await repos.documents.create(dossier.id, 'plan-van-aanpak', {
      id: 'new',
      version: 1,
      date: '24-02-2025',
      goal: 'eigen-werk',
      casemanager: { name: 'Petra Visser' },
      evaluationMoments: [{ date: '07-04-2025', kind: 'periodiek' }],
    })
    if (!plan.ok) throw new Error(plan.error.message)
    const sign = (role: 'werkgever' | 'werknemer', signedAt: string) =>
      repos.documents.sign({
        documentId: plan.value.id,
        role,
        name: role === 'werkgever' ? 'Jan Jansen' : 'Sanne de Vries',
        function: role === 'werkgever' ? 'Directeur' : 'Bakker',
        signedAt,
      })
    const stepOf = async () => {
      const [row] = rankCaseload(await repos.caseload.list(), isoDate('2025-03-20'))
      return row?.timeline?.milestones.find((m) => m.key === 'plan-van-aanpak')
    }
    expect((await sign('werkgever', '24-02-2025')).ok).toBe(true)
    expect((await stepOf())?.status).toBe('overdue')
    expect((await sign('werknemer', '26-02-2025')).ok).toBe(true)
    expect(await stepOf()).toMatchObject({
      status: 'done',
      doneOn: '2025-02-26',
      documentId: plan.value.id,
    })
  })
})
