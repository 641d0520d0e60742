import type { IncomingHttpHeaders } from 'node:http';

export interface OriginPolicyConfig {
  CORS_ORIGINS: string[];
  TRUST_PROXY: boolean;
}

/**
 * Which browser origins may use the API with credentials (CORS) and open a socket: the page's
 * own origin, whatever host, port or address it was opened at (an Origin naming the host the
 * request was sent to, i.e. the SPA this process serves), plus the CORS_ORIGINS list (a dev
 * server, another front end). A request without Origin is not a browser page: admitted as
 * before (no CSRF risk; it carries no cookie a page could abuse).
 */
export class OriginPolicy {
  private readonly listed: Set<string>;

  constructor(private readonly config: OriginPolicyConfig) {
    this.listed = new Set(config.CORS_ORIGINS);
  }

  /** True when `origin` (the Origin header) may be answered for a request with `headers`. */
  allows(origin: string, headers: IncomingHttpHeaders): boolean {
    return this.listed.has(origin) || isOwnOrigin(origin, this.requestHost(headers));
  }

  /**
   * The host:port the browser sent the request to. Behind a trusted proxy that is the proxy's
   * X-Forwarded-Host when it sets one (nginx here passes Host through instead); otherwise Host.
   * Never X-Forwarded-Host without TRUST_PROXY: any client could send it.
   */
  private requestHost(headers: IncomingHttpHeaders): string | undefined {
    const forwarded = headers['x-forwarded-host'];
    if (this.config.TRUST_PROXY && typeof forwarded === 'string' && forwarded !== '') {
      return forwarded.split(',')[0]!.trim();
    }
    return headers.host;
  }
}

/**
 * `origin` is exactly `http(s)://host[:port]` and names `host` (compared as the browser would:
 * case-insensitively, with the scheme's default port implied).
 */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  let page: URL;
  let target: URL;
  try {
    page = new URL(origin);
    target = new URL(`${page.protocol}//${host}`);
  } catch {
    return false;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  // An Origin header is scheme, host and port only: anything more is not a browser's.
  if (page.origin !== origin.toLowerCase()) return false;
  const plainHost = target.username === '' && target.password === '' && target.pathname === '/';
  return plainHost && target.search === '' && target.hash === '' && target.host === page.host;
}
