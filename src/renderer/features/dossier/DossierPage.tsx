import { employeeFullName, DOSSIER_STATUS_LABELS } from '../../../shared/domain/entities'
import { POLICY_PROFILE_LABELS } from '../../../shared/domain/policy-profile'
import { DOSSIER_TABS, useRouter, type DossierTab } from '../../app/router'
import { repos } from '../../app/services'
import { showDate } from '../../components/format'
import { useLive } from '../../storage/live'
import { DossierSyncState } from '../sync/DossierSyncState'
import { AppointmentsTab } from './AppointmentsTab'
import { ContactsTab } from './ContactsTab'
import { DocumentsTab } from './DocumentsTab'
import { ReintegratieverslagTab } from '../documents/ReintegratieverslagTab'
import { InterventionsTab } from './InterventionsTab'
import { OverviewTab } from './OverviewTab'
import { SickPeriodsTab } from './SickPeriodsTab'
import { useDossierViewAudit } from '../privacy/audit-events'
import { PrivacyTab } from '../privacy/PrivacyTab'

const TAB_LABELS: Record<DossierTab, string> = {
  overzicht: 'Overzicht',
  ziekteperiodes: 'Ziekteperiodes',
  contactmomenten: 'Contactmomenten',
  interventies: 'Interventies',
  afspraken: 'Afspraken',
  documenten: 'Documenten',
  're-integratieverslag': 'Re-integratieverslag',
  privacy: 'Privacy en inzage',
}

/** One re-integratiedossier: a header with the essentials and a tab per part of the dossier. */
export function DossierPage(props: { readonly id: string; readonly tab: DossierTab }) {
  const navigate = useRouter((s) => s.navigate)
  useDossierViewAudit(props.id)
  const bundle = useLive(async () => (await repos.dossiers.getFull(props.id)) ?? null, [props.id])
  if (bundle === undefined) return <p className="page">Dossier laden…</p>
  if (bundle === null) {
    return (
      <section className="page">
        <h1>Dossier niet gevonden</h1>
        <p>Dit dossier bestaat niet (meer) op deze computer.</p>
      </section>
    )
  }
  const { dossier, employee, employer } = bundle
  const firstPeriod = bundle.sickPeriods[0]
  return (
    <section className="page" aria-labelledby="dossier-title">
      <header className="dossier-header">
        <div>
          <p className="dossier-header__employer">{employer.name}</p>
          <h1 id="dossier-title">{employeeFullName(employee)}</h1>
          <p className="dossier-header__meta">
            <span>Eerste ziektedag: {showDate(firstPeriod?.start)}</span>
            <span>Status: {DOSSIER_STATUS_LABELS[dossier.status]}</span>
            <span>{POLICY_PROFILE_LABELS[employer.policyProfile]}</span>
            <span>Casemanager: {dossier.casemanager}</span>
          </p>
          <DossierSyncState dossierId={dossier.id} />
        </div>
      </header>
      <nav className="tabs" aria-label="Onderdelen van het dossier">
        {DOSSIER_TABS.map((tab) => (
          <a
            key={tab}
            href={`#/dossiers/${encodeURIComponent(dossier.id)}/${tab}`}
            className={`tabs__tab${tab === props.tab ? ' tabs__tab--active' : ''}`}
            aria-current={tab === props.tab ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault()
              navigate({ name: 'dossier', id: dossier.id, tab })
            }}
          >
            {TAB_LABELS[tab]}
          </a>
        ))}
      </nav>
      <div className="tab-panel">
        {props.tab === 'overzicht' ? <OverviewTab bundle={bundle} /> : null}
        {props.tab === 'ziekteperiodes' ? <SickPeriodsTab bundle={bundle} /> : null}
        {props.tab === 'contactmomenten' ? <ContactsTab bundle={bundle} /> : null}
        {props.tab === 'interventies' ? <InterventionsTab bundle={bundle} /> : null}
        {props.tab === 'afspraken' ? <AppointmentsTab bundle={bundle} /> : null}
        {props.tab === 'documenten' ? <DocumentsTab bundle={bundle} /> : null}
        {props.tab === 're-integratieverslag' ? <ReintegratieverslagTab bundle={bundle} /> : null}
        {props.tab === 'privacy' ? <PrivacyTab bundle={bundle} /> : null}
      </div>
    </section>
  )
}
