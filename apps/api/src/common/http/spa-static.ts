import type { NextFunction, Request, Response } from 'express';
import { readdirSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/** Vite names what it bundles `assets/<name>-<hash>.<ext>`: a changed file gets a new name. */
const HASHED = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

interface Asset {
  path: string;
  /** The stored compressed copies the build wrote beside it (`.br`, `.gz`). */
  br: boolean;
  gzip: boolean;
}

/**
 * The built SPA's files, as they were at start (a build never changes under a running server),
 * by URL path. Only files listed here are served, so no request path reaches the disk.
 */
export function spaAssets(dist: string): Map<string, Asset> {
  const files = new Set(readdirSync(dist, { recursive: true, encoding: 'utf8' }));
  const assets = new Map<string, Asset>();
  for (const file of files) {
    if (/\.(br|gz)$/.test(file) || !statSync(join(dist, file)).isFile()) continue;
    assets.set(`/${file.split(sep).join('/')}`, {
      path: join(dist, file),
      br: files.has(`${file}.br`),
      gzip: files.has(`${file}.gz`),
    });
  }
  return assets;
}

/** br before gzip (smaller); a coding the browser lists with q=0 is refused, not accepted. */
export function pickEncoding(
  acceptEncoding: string | undefined,
  asset: Asset,
): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([coding]) => coding),
  );
  if (asset.br && accepted.has('br')) return 'br';
  if (asset.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return null;
}

/**
 * Serves the build: the compressed copy the browser accepts, a year of immutable caching for
 * hashed assets and `no-cache` (revalidate every time) for the rest, index.html included.
 */
export function sendSpaAsset(
  req: Request,
  res: Response,
  next: NextFunction,
  asset: Asset,
  hashed: boolean,
): void {
  const encoding = pickEncoding(req.headers['accept-encoding'], asset);
  if (asset.br || asset.gzip) res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
  res.setHeader('Content-Type', TYPES[extname(asset.path)] ?? 'application/octet-stream');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  const file =
    encoding === 'br' ? `${asset.path}.br` : encoding === 'gzip' ? `${asset.path}.gz` : asset.path;
  res.sendFile(file, { cacheControl: false, dotfiles: 'allow' }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

export function isHashedAsset(urlPath: string): boolean {
  return HASHED.test(urlPath);
}
