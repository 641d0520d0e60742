import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const read = (file: string) => readFile(join(ROOT, file), 'utf8');

/** Node.js release lines still maintained (security releases) that production may run on. */
const SUPPORTED_LTS = [22, 24];

describe('deployment: the image runs a maintained Node.js', () => {
  it('builds and runs the image on a current LTS (every FROM node:<major>-bookworm-slim)', async () => {
    const froms = [...(await read('Dockerfile')).matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) {
      const major = Number(/^node:(\d+)-bookworm-slim$/.exec(image)?.[1]);
      expect({ image, supported: SUPPORTED_LTS.includes(major) }).toEqual({
        image,
        supported: true,
      });
    }
    // Build and runtime on the same Node.js, so native modules built in one load in the other.
    expect(new Set(froms).size).toBe(1);
  });

  it('keeps accepting Node.js 20.19+ for development', async () => {
    const manifest = JSON.parse(await read('package.json')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe('>=20.19');
  });

  it('says in README which Node.js versions are supported in production', async () => {
    const readme = await read('README.md');
    const section = /## Supported Node\.js versions\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    expect(section).toMatch(/production/i);
    for (const major of SUPPORTED_LTS) expect(section).toContain(`Node.js ${major}`);
    expect(section).toMatch(/20\.19/);
  });
});
