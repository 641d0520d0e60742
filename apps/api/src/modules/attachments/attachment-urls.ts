import { createHmac, timingSafeEqual } from 'node:crypto';

export type AttachmentVariant = 'file' | 'thumb';

/**
 * The signed `Attachment.url` / `thumbUrl`: `/api/attachments/:id[/thumb]?exp=…&sig=…`, an HMAC
 * of the id, the variant and the expiry. The access check is made when a URL is issued (only
 * readers of the conversation are sent the message that carries it); the signature proves that
 * it was issued, for `<img>` requests that cannot send the bearer token. Expiries are rounded
 * to half the lifetime, so a message hydrated twice within that window carries the same URL
 * and the browser's cache keeps working (docs/decisions.md, "Attachments").
 */
export class AttachmentUrls {
  private readonly key: Buffer;
  private readonly stepS: number;

  constructor(
    secret: string,
    private readonly ttlS: number,
    private readonly now: () => number = Date.now,
  ) {
    // A key of its own, so a URL signature can never be replayed as anything else.
    this.key = createHmac('sha256', secret).update('chat:attachment-url:v1').digest();
    this.stepS = Math.max(1, Math.floor(ttlS / 2));
  }

  url(id: string, variant: AttachmentVariant): string {
    const nowS = Math.floor(this.now() / 1000);
    // Between ttl/2 and ttl from now: never longer than the lifetime.
    const exp = (Math.floor(nowS / this.stepS) + 1) * this.stepS + (this.ttlS - this.stepS);
    return this.signedUrl(id, variant, Math.min(exp, nowS + this.ttlS));
  }

  /** A URL for any expiry (the tests make expired ones). */
  signedUrl(id: string, variant: AttachmentVariant, exp: number): string {
    const path = `/api/attachments/${id}${variant === 'thumb' ? '/thumb' : ''}`;
    return `${path}?exp=${exp}&sig=${this.sign(id, variant, exp)}`;
  }

  /** Seconds the signature is still valid for; null when it is forged, altered or expired. */
  verify(id: string, variant: AttachmentVariant, exp: string, sig: string): number | null {
    if (!/^[0-9]{1,12}$/.test(exp)) return null;
    const expiry = Number(exp);
    const left = expiry - Math.floor(this.now() / 1000);
    if (left <= 0 || left > this.ttlS) return null;
    const expected = Buffer.from(this.sign(id, variant, expiry));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected) ? left : null;
  }

  private sign(id: string, variant: AttachmentVariant, exp: number): string {
    return createHmac('sha256', this.key).update(`${id}:${variant}:${exp}`).digest('base64url');
  }
}
