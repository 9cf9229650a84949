/**
 * An edit the designer asked for that cannot be made. `code` is a key of the designer's
 * `errors.*` translations and `params` fills it, so the message is shown in the user's language
 * and says what to do instead. The document is never changed when one is thrown.
 */
export class EditError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(code: string, params: Record<string, string | number> = {}, message?: string) {
    super(message ?? `${code}: ${JSON.stringify(params)}`);
    this.name = 'EditError';
    this.code = code;
    this.params = params;
  }
}
