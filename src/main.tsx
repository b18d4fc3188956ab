import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCytometryClient } from './engine/cytometryClient.ts';
import { reportRestart } from './engine/engineRestart.ts';
import { registerServiceWorker } from './engine/appUpdates.ts';
import { startGatingSync } from './engine/gatingSync.ts';
import { startWorkspacePersistence, type WorkspacePersistence } from './engine/sessions.ts';
import { createAppStore, StoreContext } from './state/store.ts';
import { App } from './ui/App.tsx';
import { ClientContext, PersistenceContext } from './ui/context.ts';
import './ui/app.css';

const store = createAppStore();
const client = createCytometryClient({
  onRestart: (report) => reportRestart(report, store),
  onFatal: (error) => store.getState().setEngineError(error.message),
});
startGatingSync(client, store);
// Offline and installable in the built app; the development server serves no service worker.
if (import.meta.env.PROD) registerServiceWorker();
const started = startWorkspacePersistence(client, store);
const persistence: WorkspacePersistence = {
  restore: async (key) => (await started).restore(key),
  discard: async (key) => (await started).discard(key),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <ClientContext.Provider value={client}>
        <PersistenceContext.Provider value={persistence}>
          <App />
        </PersistenceContext.Provider>
      </ClientContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
