import type { SyncChange } from '../../shared/sync'
import { seesAllDossiers } from '../auth/roles'
import type { AccessClaims } from '../auth/tokens'
import { forbidden, HttpError } from '../http-error'
import type { Layered } from './layered'

/** Where a record belongs (`record_scope`), and who created it. */
export type Scope = { organisationId: string; dossierId: string | null; createdBy: string | null }
/** A dossier's organisation and casemanager (`dossier_access`). */
export type Access = { organisationId: string; casemanagerId: string }

/**
 * Every change: the record belongs to the user's organisation and dossier, and the dossier to them.
 * A werknemer (organisation-scoped, but personal data) may be changed by a casemanager only while
 * it is the werknemer of one of their dossiers, or while it belongs to no dossier and they created
 * it; a werknemer not yet on the server may be created by anyone of the organisation (a new
 * dossier pushes its new werknemer just before itself). Linking a dossier to a werknemer that was
 * already on the server grants the dossier's casemanager a backfill (ADR 0003, access grants).
 */
export function authorise(
  who: AccessClaims,
  mine: readonly { c: SyncChange; i: number }[],
  scopes: Layered<Scope>,
  access: Layered<Access>,
  links: Layered<string[]>,
): {
  scopes: { t: string; r: string; d: string | null }[]
  access: string[]
  grants: { u: string; d: string }[]
} {
  const newScopes: { t: string; r: string; d: string | null }[] = []
  const newAccess: string[] = []
  const grants: { u: string; d: string }[] = []
  const all = seesAllDossiers(who.role)
  /** A werknemer of one of their dossiers, or of none and created by them (or new). */
  const ownsEmployee = (employeeId: string): boolean => {
    const scope = scopes.get(`employees/${employeeId}`)
    if (!scope) return true
    if (scope.organisationId !== who.organisationId) return false
    const dossiers = links.get(employeeId) ?? []
    return dossiers.length === 0
      ? scope.createdBy === who.userId
      : dossiers.some((d) => access.get(d)?.casemanagerId === who.userId)
  }
  for (const { c, i } of mine) {
    const key = `${c.table}/${c.recordId}`
    const scope = scopes.get(key)
    if (scope) {
      if (scope.organisationId !== who.organisationId) throw forbidden(`changes.${i}.recordId`)
      if (scope.dossierId !== c.dossierId) {
        throw new HttpError(
          'validation',
          'Dit record hoort bij een ander dossier.',
          `changes.${i}.dossierId`,
        )
      }
      if (c.table === 'employees' && !all && !ownsEmployee(c.recordId))
        throw forbidden(`changes.${i}.recordId`)
    } else {
      scopes.set(key, {
        organisationId: who.organisationId,
        dossierId: c.dossierId,
        createdBy: who.userId,
      })
      newScopes.push({ t: c.table, r: c.recordId, d: c.dossierId })
    }
    if (c.dossierId === null) continue
    const acc = access.get(c.dossierId)
    if (acc) {
      if (acc.organisationId !== who.organisationId) throw forbidden(`changes.${i}.dossierId`)
      if (!all && acc.casemanagerId !== who.userId) {
        // Typically a dossier reassigned away: the client keeps such changes aside (ADR 0005).
        throw new HttpError(
          'forbidden',
          'Dit dossier is niet (meer) aan u toegewezen.',
          `changes.${i}.dossierId`,
        )
      }
    } else {
      access.set(c.dossierId, { organisationId: who.organisationId, casemanagerId: who.userId })
      newAccess.push(c.dossierId)
    }
    for (const employee of linkedEmployee(c)) {
      // Pointing a dossier at a werknemer needs the same right as changing the werknemer.
      if (!all && !ownsEmployee(employee)) throw forbidden(`changes.${i}.value`)
      links.set(employee, [...(links.get(employee) ?? []), c.dossierId])
      // A werknemer created before this push has history the dossier's casemanager may lack.
      if (scopes.base.has(`employees/${employee}`)) {
        grants.push({ u: access.get(c.dossierId)?.casemanagerId ?? who.userId, d: c.dossierId })
      }
    }
  }
  return { scopes: newScopes, access: newAccess, grants }
}

/** The werknemer a change points its dossier at, if any. */
export const linkedEmployee = (c: SyncChange): string[] =>
  c.table === 'dossiers' && c.field === 'employeeId' && typeof c.value === 'string' ? [c.value] : []
