import type { UpdateStatus } from '../../../shared/ipc/contract'

export const updateNoticeText = {
  downloading: (version: string, percent: number) =>
    `Versie ${version} wordt gedownload: ${percent}%`,
  ready: (version: string) => `Versie ${version} staat klaar.`,
  restart: 'Herstarten om bij te werken',
  restarting: 'Hervat herstart…',
  progressLabel: 'Voortgang van de download',
} as const

/** What the notice shows for a status; `answer` is main's reply to the last restart request. */
export function UpdateNoticeView(props: {
  readonly status: UpdateStatus
  readonly answer: string | null
  readonly busy: boolean
  readonly onRestart: () => void
}) {
  const { status, answer, busy } = props
  switch (status.state) {
    case 'idle':
    case 'checking':
      return null
    case 'downloading':
      return (
        <div className="notice update-notice" role="status" data-testid="update-notice">
          <span>{updateNoticeText.downloading(status.version, status.percent)}</span>
          <progress max={100} value={status.percent} aria-label={updateNoticeText.progressLabel} />
        </div>
      )
    case 'ready':
      return (
        <div className="notice notice--ok update-notice" role="status" data-testid="update-notice">
          <span>{updateNoticeText.ready(status.version)}</span>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={props.onRestart}
          >
            {updateNoticeText.restart}
          </button>
          {answer ? <p role="alert">{answer}</p> : null}
        </div>
      )
    case 'rejected':
    case 'error':
      return (
        <div
          className="notice notice--error update-notice"
          role="alert"
          data-testid="update-notice"
        >
          {status.message}
        </div>
      )
  }
}
