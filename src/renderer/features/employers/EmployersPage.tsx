import { useState } from 'react'
import type { Employer } from '../../../shared/domain/entities'
import { POLICY_PROFILE_LABELS } from '../../../shared/domain/policy-profile'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'
import { EmployerForm } from './EmployerForm'

/** The werkgevers: a list, and a form to add or change one. */
export function EmployersPage() {
  const employers = useLive(() => repos.employers.list(), [])
  const [editing, setEditing] = useState<Employer | 'new' | undefined>(undefined)
  return (
    <section className="page" aria-labelledby="employers-title">
      <header className="page__header">
        <h1 id="employers-title">Werkgevers</h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          Nieuwe werkgever
        </button>
      </header>
      {editing ? (
        <div className="panel">
          <EmployerForm
            key={editing === 'new' ? 'new' : editing.id}
            employer={editing === 'new' ? undefined : editing}
            onSaved={() => setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        </div>
      ) : null}
      {employers && employers.length === 0 && !editing ? (
        <div className="empty">
          <h2>Nog geen werkgevers</h2>
          <p>Voeg een werkgever toe om er werknemers en dossiers onder te maken.</p>
        </div>
      ) : null}
      {employers && employers.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">KvK</th>
              <th scope="col">Loonheffingennummer</th>
              <th scope="col">Polisprofiel</th>
              <th scope="col">
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {employers.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td>{e.kvkNumber ?? '—'}</td>
                <td>{e.loonheffingennummer ?? '—'}</td>
                <td>{POLICY_PROFILE_LABELS[e.policyProfile]}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setEditing(e)}
                  >
                    Wijzigen
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
