import { create } from 'zustand'

/** The screens of the app; the URL hash mirrors the route so a reload keeps the place. */
export const DOSSIER_TABS = [
  'overzicht',
  'ziekteperiodes',
  'contactmomenten',
  'interventies',
  'afspraken',
  'documenten',
  're-integratieverslag',
  'privacy',
] as const
export type DossierTab = (typeof DOSSIER_TABS)[number]

export type Route =
  | { readonly name: 'caseload' }
  | {
      readonly name: 'dossier'
      readonly id: string
      readonly tab: DossierTab
      /** A record to open on the tab (a link from the export gate's list). */
      readonly record?: string
    }
  | { readonly name: 'new-dossier' }
  | { readonly name: 'employers' }
  | { readonly name: 'reports' }
  | { readonly name: 'import' }
  | { readonly name: 'data' }
  | { readonly name: 'retention' }
  | { readonly name: 'audit-check' }
  | { readonly name: 'sync' }
  | { readonly name: 'conflicts'; readonly dossierId?: string }

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const [first, second, third, fourth] = parts
  if (first === 'dossiers' && second === 'nieuw') return { name: 'new-dossier' }
  if (first === 'dossiers' && second) {
    const tab = (DOSSIER_TABS as readonly string[]).includes(third ?? '')
      ? (third as DossierTab)
      : 'overzicht'
    return fourth
      ? { name: 'dossier', id: second, tab, record: fourth }
      : { name: 'dossier', id: second, tab }
  }
  if (first === 'werkgevers') return { name: 'employers' }
  if (first === 'rapportages') return { name: 'reports' }
  if (first === 'importeren') return { name: 'import' }
  if (first === 'gegevens') return { name: 'data' }
  if (first === 'bewaartermijnen') return { name: 'retention' }
  if (first === 'audittrail') return { name: 'audit-check' }
  if (first === 'synchronisatie') return { name: 'sync' }
  if (first === 'conflicten')
    return second ? { name: 'conflicts', dossierId: second } : { name: 'conflicts' }
  return { name: 'caseload' }
}

export function toHash(route: Route): string {
  switch (route.name) {
    case 'caseload':
      return '#/'
    case 'dossier':
      return `#/dossiers/${encodeURIComponent(route.id)}/${route.tab}${route.record ? `/${encodeURIComponent(route.record)}` : ''}`
    case 'new-dossier':
      return '#/dossiers/nieuw'
    case 'employers':
      return '#/werkgevers'
    case 'reports':
      return '#/rapportages'
    case 'import':
      return '#/importeren'
    case 'data':
      return '#/gegevens'
    case 'retention':
      return '#/bewaartermijnen'
    case 'audit-check':
      return '#/audittrail'
    case 'sync':
      return '#/synchronisatie'
    case 'conflicts':
      return route.dossierId
        ? `#/conflicten/${encodeURIComponent(route.dossierId)}`
        : '#/conflicten'
  }
}

type RouterState = { route: Route; navigate: (route: Route) => void }

export const useRouter = create<RouterState>((set) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  navigate: (route) => {
    const hash = toHash(route)
    if (location.hash !== hash) location.hash = hash
    set({ route })
  },
}))

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () =>
    useRouter.setState({ route: parseHash(location.hash) }),
  )
}
