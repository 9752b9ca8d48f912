export {
  CHANGE_OPS,
  DATA_TABLES,
  HervatDb,
  openDb,
  type BlobRow,
  type ChangeEntry,
  type DataTable,
} from './db'
export { createRepositories, type DossierBundle, type Repositories } from './repositories'
export type { CaseloadRow } from './caseload'
export { BACKUP_FORMAT } from './backup'
export { MAX_ATTACHMENT_BYTES } from './attachments'
export { CURRENT_VERSION } from './schema'
export type { Settings } from './settings'
