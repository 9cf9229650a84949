import type { Services } from '../../src/services/createServices.js';

/**
 * Every document of every collection but sessions, as text: two snapshots are equal exactly
 * when a request changed nothing a user could notice.
 */
export async function dbSnapshot(services: Services): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const [name, model] of Object.entries(services.models)) {
    if (name === 'sessions') continue;
    out[name] = await model.find({}).sort({ _id: 1 }).lean().exec();
  }
  return JSON.stringify(out);
}
