import { createContext, useContext } from 'react';
import type { CytometryClient } from '../engine/cytometryClient.ts';

export const ClientContext = createContext<CytometryClient | null>(null);

export function useClient(): CytometryClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientContext.Provider>');
  return client;
}
