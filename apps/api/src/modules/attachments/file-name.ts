import { LIMITS } from '@chat/contracts';

/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides and isolates can make `gpj.exe` look like `exe.jpg`. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * The name an upload is shown and downloaded under: the base name of what the client sent
 * (`../../x` → `x`, `C:\a\b.txt` → `b.txt`), without control or bidi characters, at most
 * LIMITS.attachmentNameMax characters (the extension kept), `file` when nothing is left.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const cleaned = (raw ?? '').normalize('NFC').replace(CONTROL, '').replace(BIDI, '');
  const base = (cleaned.split(/[\\/]/).pop() ?? '').trim();
  if (base === '' || /^\.+$/.test(base)) return 'file';
  return capLength(base, LIMITS.attachmentNameMax);
}

function capLength(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, max).join('');
  return chars.slice(0, max - extension.length).join('') + extension.join('');
}

/**
 * A Content-Disposition header: an ASCII `filename` for old clients and the exact name as an
 * RFC 5987 `filename*` (UTF-8, percent-encoded), so no quote or semicolon of a name can break it.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
