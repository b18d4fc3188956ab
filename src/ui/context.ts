import { createContext, useContext } from 'react';
import type { CytometryClient } from '../engine/cytometryClient.ts';
import type { WorkspacePersistence } from '../engine/sessions.ts';

export const ClientContext = createContext<CytometryClient | null>(null);

export function useClient(): CytometryClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientContext.Provider>');
  return client;
}

export const PersistenceContext = createContext<WorkspacePersistence | null>(null);

export function usePersistence(): WorkspacePersistence {
  const persistence = useContext(PersistenceContext);
  if (!persistence) throw new Error('usePersistence must be used inside <PersistenceContext.Provider>');
  return persistence;
}
