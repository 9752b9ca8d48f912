import type { DossierExportInput } from './dossier-export'

/**
 * A half-finished dossier for tests: employer, employee, one sick period, a probleemanalyse
 * without its BA PDF, an unsigned undated Plan van Aanpak, and one attachment marked medical.
 */
export function halfFinishedExport(): DossierExportInput {
  const meta = (id: string) => ({ id, createdAt: '2025-01-01', updatedAt: '2025-01-01' })
  const inDossier = (id: string) => ({ ...meta(id), dossierId: 'd1' })
  return {
    format: 'hervat-dossier',
    version: 1,
    exportedAt: '2025-10-01T12:00:00Z',
    employer: {
      ...meta('w1'),
      name: 'Bakkerij Ëlsa B.V.',
      loonheffingennummer: '',
      address: { city: 'Utrecht' },
      contactPerson: { name: 'Piet Jansen' },
      policyProfile: 'wettelijk',
    },
    employee: {
      ...meta('e1'),
      employerId: 'w1',
      firstName: 'Sanne',
      lastName: 'de Vries',
      bsn: '111222333',
      dateOfBirth: '1985-03-14',
      address: {},
      jobTitle: 'Bakker',
      contractHoursPerWeek: 32,
      employmentStart: '2015-09-01',
    },
    dossier: {
      ...meta('d1'),
      employeeId: 'e1',
      employerId: 'w1',
      casemanager: 'Jeroen Smit',
      arbodienst: {},
      bedrijfsarts: { name: 'M. Kuipers' },
      status: 'actief',
    },
    sickPeriods: [{ ...inDossier('s1'), start: '2024-01-08' }],
    attachments: [
      {
        ...inDossier('a-med'),
        title: 'Brief specialist',
        source: 'werknemer',
        kind: 'overig',
        receivedOn: '2024-03-01',
        markedMedical: true,
        fileName: 'brief.pdf',
        mimeType: 'application/pdf',
        size: 4,
        sha256: 'a'.repeat(64),
        contentBase64: 'JVBERg==',
      },
    ],
    documents: {
      probleemanalyses: [
        {
          id: 'pa1',
          date: '2024-03-20',
          author: { name: 'M. Kuipers', function: 'Bedrijfsarts' },
          handedToEmployeeOn: '2024-03-20',
          bedrijfsarts: 'M. Kuipers',
          workPossibilities: 'beperkt',
        },
      ],
      planVanAanpak: [
        {
          id: 'p1',
          version: 1,
          author: { name: 'Jeroen Smit' },
          goal: 'eigen-werk',
          casemanager: { name: 'Jeroen Smit' },
          evaluationMoments: [{ date: '2024-05-01' }],
          signatures: [
            {
              role: 'werkgever',
              name: 'Piet Jansen',
              function: 'Eigenaar',
              signedAt: '2024-04-01',
            },
          ],
        },
      ],
    },
  }
}
