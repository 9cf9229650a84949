import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';
import { AuthProvider } from './auth/AuthProvider.js';
import { initI18n } from './i18n/i18n.js';
import { guardAgainstBackAfterExit } from './quickexit/quickExit.js';
import './styles/app.css';

initI18n();
guardAgainstBackAfterExit();

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs a <div id="root">.');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <App />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
