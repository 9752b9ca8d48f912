/**
 * Pushes (ADR 0003): the group commit (group-commit.ts) applies queued pushes in one locked
 * transaction (apply-group.ts): each push authorised (authorise.ts) and merged (merge-push.ts) in
 * memory, all-or-nothing, against the state read in one statement (statements.ts). This module
 * is the door the routes and the app use.
 */
export { APPEND_LOCK, createPusher, type Pusher } from './group-commit'
export { INSERT_GRANTS } from './statements'
