import type { StateCreator } from 'zustand';
import type { Workspace, WorkspaceSample } from '../analysis/workspace.ts';

/** A session kept in this browser that can be restored (src/engine/sessions.ts). */
export interface SessionOffer {
  /** Its storage key. */
  key: string;
  savedAt: string;
  fileCount: number;
}

/** A kept session this version cannot restore, with the reason as a clause ("it was saved by a newer FlowFate…"). */
export interface UnreadableSession {
  key: string;
  savedAt: string | null;
  reason: string;
}

export interface WorkspaceSlice {
  /** Sessions from earlier visits or closed tabs, newest first, until the user restores or discards them. */
  savedSessions: SessionOffer[];
  unreadableSessions: UnreadableSession[];
  /** How many other open tabs are saving sessions of their own (they are not offered here). */
  sessionsInOtherTabs: number;
  /** The outcome of the last workspace action, in words ("Restored 23 files", or what went wrong). */
  workspaceMessage: { error: boolean; text: string } | null;
  /** When the session was last saved in this browser (ISO time); null before the first save. */
  autosavedAt: string | null;
  /** A workspace just opened whose files these are not in this browser: the user is asked for them once. */
  missingFiles: { workspace: Workspace; missing: WorkspaceSample[] } | null;
  setMissingFiles(missingFiles: WorkspaceSlice['missingFiles']): void;
  setSessionChoices(choices: { saved: SessionOffer[]; unreadable: UnreadableSession[]; inOtherTabs: number }): void;
  setWorkspaceMessage(message: { error: boolean; text: string } | null): void;
  setAutosavedAt(time: string): void;
}

export const createWorkspaceSlice: StateCreator<WorkspaceSlice> = (set) => ({
  savedSessions: [],
  unreadableSessions: [],
  sessionsInOtherTabs: 0,
  workspaceMessage: null,
  autosavedAt: null,
  missingFiles: null,
  setMissingFiles: (missingFiles) => set({ missingFiles }),
  setSessionChoices: ({ saved, unreadable, inOtherTabs }) => set({ savedSessions: saved, unreadableSessions: unreadable, sessionsInOtherTabs: inOtherTabs }),
  setWorkspaceMessage: (message) => set({ workspaceMessage: message }),
  setAutosavedAt: (time) => set({ autosavedAt: time }),
});
