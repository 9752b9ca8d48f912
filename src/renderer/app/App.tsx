import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { AboutDialog } from '../features/about/AboutDialog'
import { CaseloadPage } from '../features/caseload/CaseloadPage'
import { DataPage } from '../features/data/DataPage'
import { DossierPage } from '../features/dossier/DossierPage'
import { NewDossierPage } from '../features/dossier/NewDossierPage'
import { useDeadlineNotifications } from '../features/deadlines/use-deadline-notifications'
import { EmployersPage } from '../features/employers/EmployersPage'
import { AuditCheckPage } from '../features/privacy/AuditCheckPage'
import { RetentionPage } from '../features/privacy/RetentionPage'
import { ConflictsPage } from '../features/sync/ConflictsPage'
import { receiveOpenedBackup } from '../features/data/opened-backup'
import { SyncPage } from '../features/sync/SyncPage'
import { SyncSidebarStatus } from '../features/sync/SyncSidebarStatus'
import { UpdateNotice } from '../features/updates/UpdateNotice'
import { startSync, syncEngine } from '../sync/client'
import { lastCasemanager } from '../storage/last-casemanager'
import { lockNow } from '../features/lock/lock-store'
import { nl } from '../i18n/nl'
import { api } from '../platform/api'
import { useRouter, type Route } from './router'
import { repos } from './services'

// Pages with their own heavy libraries (charts, spreadsheets) load when first opened.
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
)
const ImportPage = lazy(() =>
  import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })),
)

function subscribeOnline(cb: () => void) {
  window.addEventListener('online', cb)
  window.addEventListener('offline', cb)
  return () => {
    window.removeEventListener('online', cb)
    window.removeEventListener('offline', cb)
  }
}

const NAV: readonly { readonly route: Route; readonly label: string }[] = [
  { route: { name: 'caseload' }, label: nl.nav.caseload },
  { route: { name: 'new-dossier' }, label: nl.nav.newDossier },
  { route: { name: 'employers' }, label: nl.nav.employers },
  { route: { name: 'reports' }, label: nl.nav.reports },
  { route: { name: 'data' }, label: nl.nav.data },
  { route: { name: 'sync' }, label: nl.nav.sync },
]

/** The window: navigation on the left, the current screen on the right. */
export function App() {
  const route = useRouter((s) => s.route)
  const navigate = useRouter((s) => s.navigate)
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine)
  const [about, setAbout] = useState(false)
  const closeAbout = useCallback(() => setAbout(false), [])
  useDeadlineNotifications()
  useEffect(() => startSync(), [])
  // A name an earlier version left in plaintext localStorage moves into sealed storage at once.
  useEffect(() => void lastCasemanager(repos.settings), [])

  // A backup file opened from outside (double-click, command line): to its confirmation.
  useEffect(() => {
    const take = () =>
      void receiveOpenedBackup().then((got) => {
        if (got) navigate({ name: 'data' })
      })
    take()
    return api.onBackupFileOpened(take)
  }, [navigate])

  useEffect(
    () =>
      api.onMenuCommand((cmd) => {
        if (cmd === 'new-dossier') navigate({ name: 'new-dossier' })
        else if (cmd === 'about') setAbout(true)
        else if (cmd === 'sync-now') void syncEngine.syncNow()
        else if (cmd === 'export-backup' || cmd === 'import-backup' || cmd === 'load-sample-data')
          navigate({ name: 'data' })
      }),
    [navigate],
  )

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Hoofdmenu">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">
            H
          </span>
          <span>{nl.app.name}</span>
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.route.name}>
              <a
                href="#"
                className={`sidebar__link${route.name === item.route.name ? ' sidebar__link--active' : ''}`}
                aria-current={route.name === item.route.name ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(item.route)
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <button className="button button--small" type="button" onClick={lockNow}>
          Vergrendelen
        </button>
        <p className={`sidebar__status${online ? '' : ' sidebar__status--offline'}`} role="status">
          {online ? nl.app.online : nl.app.offline}
        </p>
        <SyncSidebarStatus />
        <UpdateNotice />
        <a
          href="#"
          className="sidebar__about"
          onClick={(e) => {
            e.preventDefault()
            setAbout(true)
          }}
        >
          Over Hervat
        </a>
      </nav>
      <main className="main">
        <Screen route={route} />
      </main>
      {about ? <AboutDialog onClose={closeAbout} /> : null}
    </div>
  )
}

function Screen(props: { readonly route: Route }) {
  const r = props.route
  switch (r.name) {
    case 'caseload':
      return <CaseloadPage />
    case 'dossier':
      return <DossierPage id={r.id} tab={r.tab} />
    case 'new-dossier':
      return <NewDossierPage />
    case 'employers':
      return <EmployersPage />
    case 'reports':
      return (
        <Suspense fallback={<p className="page">{nl.common.loading}</p>}>
          <ReportsPage />
        </Suspense>
      )
    case 'import':
      return (
        <Suspense fallback={<p className="page">{nl.common.loading}</p>}>
          <ImportPage />
        </Suspense>
      )
    case 'data':
      return <DataPage />
    case 'retention':
      return <RetentionPage />
    case 'audit-check':
      return <AuditCheckPage />
    case 'sync':
      return <SyncPage />
    case 'conflicts':
      return <ConflictsPage {...(r.dossierId ? { dossierId: r.dossierId } : {})} />
  }
}
