let allowed: boolean | undefined;

/**
 * Whether this page may compile code at run time. The app's Content-Security-Policy forbids it,
 * and Ajv (which the verifier and the engine use to check forms) needs it; Storybook and tests
 * allow it. Asked once.
 */
export function evalAllowed(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return true')() === true;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}
