import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App } from './App.js';
import { AuthProvider } from './auth/AuthProvider.js';
import { initI18n } from './i18n/i18n.js';
import { guardAgainstBackAfterExit } from './quickexit/quickExit.js';
import './styles/app.css';

initI18n();
guardAgainstBackAfterExit();

// A data router, not <BrowserRouter>: only it lets a page hold a navigation (useBlocker), so a
// step form with unsaved answers can ask before the back button or a link throws them away.
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <AuthProvider>
        <App />
      </AuthProvider>
    ),
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs a <div id="root">.');
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
