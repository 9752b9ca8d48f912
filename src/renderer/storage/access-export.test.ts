import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import * as entities from '../../shared/domain/entities'
import { legalHoldInputSchema } from '../../shared/domain/legal-hold'
import { buildAccessExport, DUTCH_KEYS } from '../../shared/privacy/access-export'
import { freshRepos, seedDossier } from './test-support'

/** Every key of a zod object schema, nested objects included. */
function keysOf(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, z.ZodType>; unwrap?: () => z.ZodType }
  const shape = s.shape
  if (!shape) return []
  return Object.entries(shape).flatMap(([k, v]) => [k, ...keysOf(unwrapAll(v))])
}
function unwrapAll(schema: z.ZodType): z.ZodType {
  let cur = schema as unknown as { def?: { type?: string; innerType?: z.ZodType; in?: z.ZodType } }
  for (let i = 0; i < 5; i++) {
    const inner = cur.def?.innerType ?? (cur.def?.type === 'pipe' ? cur.def.in : undefined)
    if (!inner) break
    cur = inner as never
  }
  return cur as unknown as z.ZodType
}

function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)])
}

describe('access export (AVG art. 15)', () => {
  it('has a Dutch key for every field Hervat can hold about the employee', () => {
    const schemas = Object.entries(entities).filter(([n]) => n.endsWith('InputSchema'))
    expect(schemas.length).toBeGreaterThanOrEqual(11)
    const keys = new Set([
      ...schemas.flatMap(([, s]) => keysOf(s as z.ZodType)),
      ...keysOf(legalHoldInputSchema),
      ...keysOf(entities.recordMetaSchema),
    ])
    expect([...keys].filter((k) => !(k in DUTCH_KEYS))).toEqual([])
  })

  it('holds the employee’s data and the dossier’s trail, with Dutch keys only', async () => {
    const { repos } = freshRepos()
    await repos.settings.update({ userName: 'Petra Visser' })
    const { dossier } = await seedDossier(repos)
    await repos.sickPeriods.create(dossier.id, { start: '02-11-2026' })
    await repos.contacts.create(dossier.id, {
      date: '05-11-2026',
      kind: 'telefonisch',
      participants: 'werknemer, casemanager',
      summary: 'Belafspraak voor volgende week.',
    })
    await repos.audit.record({
      action: 'view',
      objectType: 'dossiers',
      objectId: dossier.id,
      dossierId: dossier.id,
    })
    const bundle = (await repos.dossiers.getFull(dossier.id))!
    const doc = buildAccessExport(bundle, await repos.audit.forDossier(dossier.id), {
      at: '2026-11-20T10:00:00.000Z',
      by: 'Petra Visser',
    })
    expect(doc).toMatchObject({
      formaat: 'hervat-inzage',
      werkgever: { naam: 'Bakkerij Jansen', adres: { postcode: '3811 AB', plaats: 'Amersfoort' } },
      werknemer: { voornaam: 'Sanne', achternaam: 'de Vries', bsn: '111222333', functie: 'Bakker' },
      dossier: { casemanager: 'Petra Visser', status: 'actief' },
      ziekteperiodes: [{ begin: '2026-11-02' }],
      contactmomenten: [{ verslag: 'Belafspraak voor volgende week.', soort: 'telefonisch' }],
    })
    expect(doc.audittrail[0]).toMatchObject({
      wie: 'Petra Visser',
      handeling: 'Ingezien',
      onderdeel: 'dossier',
      resultaat: 'Gelukt',
    })
    expect(doc.audittrail.map((e) => e.handeling)).toEqual([
      'Ingezien',
      'Toegevoegd',
      'Toegevoegd',
      'Toegevoegd',
      'Toegevoegd',
    ])
    // No untranslated English key left anywhere in the file.
    const english = allKeys(doc).filter((k) => k in DUTCH_KEYS && DUTCH_KEYS[k] !== k)
    expect(english).toEqual([])
  })
})
