import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCytometryClient } from './engine/cytometryClient.ts';
import { startGatingSync } from './engine/gatingSync.ts';
import { createAppStore, StoreContext } from './state/store.ts';
import { App } from './ui/App.tsx';
import { ClientContext } from './ui/context.ts';
import './ui/app.css';

const store = createAppStore();
const client = createCytometryClient((error) => store.getState().setEngineError(error.message));
startGatingSync(client, store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <ClientContext.Provider value={client}>
        <App />
      </ClientContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
