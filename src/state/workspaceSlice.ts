import type { StateCreator } from 'zustand';

/** The session found from the last visit, until the user restores or discards it. */
export interface PreviousSession {
  savedAt: string;
  fileCount: number;
}

export interface WorkspaceSlice {
  previousSession: PreviousSession | null;
  /** The outcome of the last workspace action, in words ("Restored 23 files", or what went wrong). */
  workspaceMessage: { error: boolean; text: string } | null;
  /** When the session was last saved in this browser (ISO time); null before the first save. */
  autosavedAt: string | null;
  setPreviousSession(session: PreviousSession | null): void;
  setWorkspaceMessage(message: { error: boolean; text: string } | null): void;
  setAutosavedAt(time: string): void;
}

export const createWorkspaceSlice: StateCreator<WorkspaceSlice> = (set) => ({
  previousSession: null,
  workspaceMessage: null,
  autosavedAt: null,
  setPreviousSession: (session) => set({ previousSession: session }),
  setWorkspaceMessage: (message) => set({ workspaceMessage: message }),
  setAutosavedAt: (time) => set({ autosavedAt: time }),
});
