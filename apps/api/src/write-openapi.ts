import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { previewOpenApiDocument } from './openapi-preview.js';

// `node dist/write-openapi.js <file>`: the build writes dist/openapi.json with it, which
// `pnpm lint` checks with Redocly and turns into the test client's types.
const target = process.argv[2];
if (!target) {
  console.error('Usage: node dist/write-openapi.js <output.json>');
  process.exit(2);
}
const file = resolve(target);
await mkdir(dirname(file), { recursive: true });
await writeFile(
  file,
  `${JSON.stringify(await previewOpenApiDocument({ strict: true }), null, 2)}\n`,
);
console.log(`OpenAPI document written to ${file}`);
