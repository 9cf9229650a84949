import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoginPage } from './auth/LoginPage.js';
import { useUser } from './auth/AuthContext.js';
import { ChangePasswordPage } from './auth/ChangePasswordPage.js';
import { OwnPasswordFirst } from './auth/OwnPasswordFirst.js';
import { RequireAuth } from './auth/RequireAuth.js';
import { DesignerRoute } from './DesignerRoute.js';
import { Shell } from './layout/Shell.js';
import { HOME_PATHS, homePage } from './layout/homePage.js';
import { NotFoundPage } from './layout/NotFoundPage.js';
import { WorklistPage } from './worklist/WorklistPage.js';

// The case page carries the form renderer and its validator: loaded when a case is opened,
// so the worklist (the first screen) stays small.
const CasePage = lazy(() => import('./case/CasePage.js'));
const HandoversPage = lazy(() => import('./handovers/HandoversPage.js'));
const UsersPage = lazy(() => import('./users/UsersPage.js'));
const AlertsPage = lazy(() => import('./alerts/AlertsPage.js'));
const StatsPage = lazy(() => import('./stats/StatsPage.js'));
const IntegrityPage = lazy(() => import('./integrity/IntegrityPage.js'));

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/*"
        element={
          <RequireAuth>
            <OwnPasswordFirst>
              <Shell>
                <Suspense fallback={<Loading />}>
                  <Routes>
                    <Route index element={<Home />} />
                    <Route path="cases/:caseId" element={<CaseRoute />} />
                    <Route path="handovers" element={<HandoversPage />} />
                    <Route path="users" element={<UsersPage />} />
                    <Route path="alerts" element={<AlertsPage />} />
                    <Route path="stats" element={<StatsPage />} />
                    <Route path="integrity" element={<IntegrityPage />} />
                    <Route path="password" element={<ChangePasswordPage />} />
                    <Route path="designer/*" element={<DesignerRoute />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Routes>
                </Suspense>
              </Shell>
            </OwnPasswordFirst>
          </RequireAuth>
        }
      />
    </Routes>
  );
}

/** The first page: the work of the role (homePage), the cases' list being this one. */
function Home() {
  const home = homePage(useUser().role);
  return home === 'worklist' ? <WorklistPage /> : <Navigate to={HOME_PATHS[home]} replace />;
}

/**
 * A case page of its own per case: going from a case to a linked one starts with empty forms,
 * so nothing typed for one victim's case can be sent with another's.
 */
function CaseRoute() {
  const { caseId } = useParams();
  return <CasePage key={caseId} />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
