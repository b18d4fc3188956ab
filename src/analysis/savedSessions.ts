/**
 * The sessions this browser keeps (autosaved workspaces, one per tab): which can be offered back, which cannot be
 * read by this version and why, and which kept files they still need. Records are never dropped for being
 * unreadable: a newer FlowFate's session stays for that version, a damaged one until the user removes it.
 */
import { parseWorkspace, type Workspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceError } from './workspace.ts';

/** Sessions kept to choose from (not counting sessions open in a tab, or ones this version cannot read). */
export const KEPT_SESSIONS = 5;

/** Storage keys of session records: one per tab session, and the two slots of FlowFate before per-tab sessions. */
const SESSION_PREFIX = 'session:';
const EARLIER_KEYS = new Set(['current-session', 'previous-session']);

export function sessionKey(sessionId: string): string {
  return `${SESSION_PREFIX}${sessionId}`;
}

/** Whether a storage key holds a session (a newer FlowFate may store other things beside them). */
export function isSessionKey(key: string): boolean {
  return key.startsWith(SESSION_PREFIX) || EARLIER_KEYS.has(key);
}

export type SavedSession =
  | { kind: 'restorable'; key: string; workspace: Workspace; savedAt: string; fileCount: number }
  /** Saved by a FlowFate that writes a later workspace version: kept for that version. */
  | { kind: 'newer'; key: string; version: number; savedAt: string | null; fileKeys: string[] | null }
  /** Not readable at all: kept until the user removes it. */
  | { kind: 'damaged'; key: string; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The sample keys a record lists, read as loosely as possible; null when they cannot be known. */
function listedFileKeys(value: Record<string, unknown>): string[] | null {
  if (!Array.isArray(value.samples)) return null;
  const keys = value.samples.map((s: unknown) => (isRecord(s) && typeof s.key === 'string' ? s.key : null));
  return keys.every((k) => k !== null) ? keys : null;
}

/** What one stored record is. */
export function readSavedSession(key: string, value: unknown): SavedSession {
  if (typeof value !== 'string') return { kind: 'damaged', key, reason: 'it is not text' };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { kind: 'damaged', key, reason: 'it is not JSON (it may have been cut short)' };
  }
  if (isRecord(json) && json.format === WORKSPACE_FORMAT && typeof json.version === 'number' && json.version > WORKSPACE_VERSION) {
    return { kind: 'newer', key, version: json.version, savedAt: typeof json.savedAt === 'string' ? json.savedAt : null, fileKeys: listedFileKeys(json) };
  }
  try {
    const workspace = parseWorkspace(value);
    return { kind: 'restorable', key, workspace, savedAt: workspace.savedAt, fileCount: workspace.samples.length };
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    return { kind: 'damaged', key, reason: error.message };
  }
}

type Restorable = Extract<SavedSession, { kind: 'restorable' }>;

export interface SessionChoice {
  /** Sessions to offer back, newest first. */
  offered: Restorable[];
  /** Sessions this version cannot restore, with their reasons. */
  unreadable: Exclude<SavedSession, Restorable>[];
  /** Sessions beyond the newest KEPT_SESSIONS (none open in a tab): removed to bound the space kept files take. */
  surplus: Restorable[];
}

/** Sorts stored sessions for the user; `live` are the keys of sessions open in a tab, which are neither offered nor removed. */
export function chooseSessions(sessions: readonly SavedSession[], live: ReadonlySet<string>): SessionChoice {
  const restorable = sessions
    .filter((s): s is Restorable => s.kind === 'restorable' && !live.has(s.key) && s.fileCount > 0)
    .toSorted((a, b) => b.savedAt.localeCompare(a.savedAt));
  return {
    offered: restorable.slice(0, KEPT_SESSIONS),
    unreadable: sessions.filter((s): s is Exclude<SavedSession, Restorable> => s.kind !== 'restorable'),
    surplus: restorable.slice(KEPT_SESSIONS),
  };
}

/** Every kept file some session still lists; null when a record's files cannot be known (then none may go). */
export function filesInUse(sessions: readonly SavedSession[]): Set<string> | null {
  const keys = new Set<string>();
  for (const session of sessions) {
    if (session.kind === 'damaged') return null;
    const listed = session.kind === 'newer' ? session.fileKeys : session.workspace.samples.map((s) => s.key);
    if (listed === null) return null;
    for (const key of listed) keys.add(key);
  }
  return keys;
}
