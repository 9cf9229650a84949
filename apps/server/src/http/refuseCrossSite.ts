import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request carries its session in the Authorization header (which no other site can set). */
export function hasBearerHeader(req: Request): boolean {
  const header = req.headers.authorization;
  return typeof header === 'string' && /^Bearer\s+/i.test(header);
}

/** "host:port" with the port made explicit, so "ruta.example" and "ruta.example:443" compare equal. */
function hostAndPort(host: string, port: string, scheme: string): string {
  return `${host.toLowerCase()}:${port || (scheme === 'https:' ? '443' : '80')}`;
}

/**
 * Why a request that changes something came from another site, or null when it did not:
 * the browser's Sec-Fetch-Site when it says so, else an Origin that is not this server's own.
 * The scheme is not compared: TLS usually ends at a proxy, so this process sees plain HTTP
 * for pages the browser loaded over HTTPS; a browser that tells the schemes apart sends
 * Sec-Fetch-Site (same-site or cross-site across schemes), which is checked first. A
 * Sec-Fetch-Site of same-origin is believed over the Host header because a proxy may rewrite Host,
 * and no page can forge the header.
 */
export function crossSiteSource(req: Request): { header: string; value: string } | null {
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin') return null;
  if (site === 'cross-site' || site === 'same-site') return { header: 'sec-fetch-site', value: site };
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  const host = req.headers.host;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // "null": a sandboxed frame, a file, or a redirect from another site
    return { header: 'origin', value: origin };
  }
  const own = host ? /^(.+?)(?::(\d+))?$/.exec(host) : null;
  if (
    !own ||
    hostAndPort(url.hostname, url.port, url.protocol) !== hostAndPort(own[1]!, own[2] ?? '', url.protocol)
  ) {
    return { header: 'origin', value: origin };
  }
  return null;
}

/**
 * Refuses a request that changes something when a page of another site sent it with the
 * browser's session cookie (cross-site request forgery). Reads (GET, HEAD, OPTIONS) and requests
 * with a bearer token pass; so do clients that send neither Origin nor Sec-Fetch-Site (not
 * browsers). Also covers the login, so another site cannot log the browser into its account.
 */
export function refuseCrossSite(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || hasBearerHeader(req)) return next();
  const source = crossSiteSource(req);
  if (source === null) return next();
  throw new AppError(
    'forbidden',
    'cross-site-request',
    source.header === 'origin'
      ? `This request came from another site (Origin: ${source.value}), so it was refused: changes are accepted only from pages of this server, or with an Authorization: Bearer token.`
      : `This request came from another site (Sec-Fetch-Site: ${source.value}), so it was refused: changes are accepted only from pages of this server, or with an Authorization: Bearer token.`,
    [source],
  );
}
