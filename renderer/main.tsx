import './zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FaultlineBridge } from '../shared/ipc/bridge';
import { App } from './app/App';
import { pickHost } from './host/pickHost';
import './styles.css';

const host = pickHost(window as unknown as { faultline?: FaultlineBridge }, __FAULTLINE_VERSION__);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
