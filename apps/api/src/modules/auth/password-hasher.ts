import { hash, verify } from '@node-rs/argon2';
import { Injectable, type OnModuleInit } from '@nestjs/common';

// Argon2id (Algorithm.Argon2id; a const enum, so spelled out here) with OWASP's parameters.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when the username is unknown, so both failures cost the same time. */
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hash('not-a-real-password', OPTIONS);
  }

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  /** Checks a password; with no stored hash it still does the full amount of work. */
  async verify(storedHash: string | null | undefined, password: string): Promise<boolean> {
    const ok = await verify(storedHash ?? this.dummyHash, password).catch(() => false);
    return ok && Boolean(storedHash);
  }
}
