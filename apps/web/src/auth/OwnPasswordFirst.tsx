import type { ReactNode } from 'react';
import { BannerTools } from '../layout/BannerTools.js';
import { useUser } from './AuthContext.js';
import { ChangePasswordPage } from './ChangePasswordPage.js';

/**
 * Renders its children, unless the user's password was set by an administrator: then only the
 * page to choose their own (with the language switch, logout and quick exit), as the server
 * answers nothing else until it is done.
 */
export function OwnPasswordFirst({ children }: { children: ReactNode }) {
  const user = useUser();
  if (!user.mustChangePassword) return <>{children}</>;
  return (
    <div className="shell">
      <header className="banner">
        <span className="brand">Ruta</span>
        <BannerTools passwordLink={false} />
      </header>
      <main id="main" tabIndex={-1}>
        <ChangePasswordPage required />
      </main>
    </div>
  );
}
