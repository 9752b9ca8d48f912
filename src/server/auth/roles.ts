/**
 * Roles and what they may see (ADR 0003): a casemanager sees the organisation's dossiers assigned
 * to them; a teamleider all of the organisation's; a beheerder as a teamleider, plus accounts and
 * devices.
 */
export const ROLES = ['casemanager', 'teamleider', 'beheerder'] as const
export type Role = (typeof ROLES)[number]

export const seesAllDossiers = (role: Role): boolean => role !== 'casemanager'
export const managesAccounts = (role: Role): boolean => role === 'beheerder'
export const assignsDossiers = (role: Role): boolean => role !== 'casemanager'
