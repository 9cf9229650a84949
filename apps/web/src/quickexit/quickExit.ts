/** Where the quick exit goes: a static page with nothing about the app or the case on it. */
export const NEUTRAL_PAGE = '/exit.html';
export const EXITED_FLAG = 'ruta.exited';

let leaving = false;

/**
 * True once the quick exit started: a page that asks before it is left (unsaved answers) must
 * let this one go without a question.
 */
export function isQuickExiting(): boolean {
  return leaving;
}

/**
 * Leaves at once: blanks the screen before anything else, forgets what the tab held, ends the
 * session and replaces the current history entry with a neutral page, so "back" does not return
 * to the case. Someone looking over the worker's (or the victim's) shoulder sees nothing.
 */
export function quickExit(): void {
  leaving = true;
  try {
    document.title = 'Nueva pestaña';
    document.body.innerHTML = '';
    document.body.style.background = '#fff';
  } catch {
    // keep going: leaving matters more than blanking
  }
  try {
    sessionStorage.clear();
    sessionStorage.setItem(EXITED_FLAG, '1');
  } catch {
    // storage may be unavailable
  }
  try {
    // keepalive lets the logout finish after the page is gone.
    void fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', keepalive: true }).catch(
      () => {},
    );
  } catch {
    // the session cookie still expires on its own
  }
  window.location.replace(NEUTRAL_PAGE);
}

/**
 * When the browser restores a page from its back-forward cache after a quick exit, leave again
 * instead of showing what was on it.
 */
export function guardAgainstBackAfterExit(): void {
  window.addEventListener('pageshow', (e) => {
    let exited = false;
    try {
      exited = sessionStorage.getItem(EXITED_FLAG) === '1';
    } catch {
      exited = false;
    }
    if (e.persisted && exited) quickExit();
  });
}

/** After a real login, the quick-exit flag is history. */
export function clearExitFlag(): void {
  try {
    sessionStorage.removeItem(EXITED_FLAG);
  } catch {
    // nothing to clear
  }
}
