import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

// The emoji picker's data (emojibase-data, English) is served by the app itself at
// /emojibase/en/{data,messages}.json: no CDN, so it works offline-first and under a strict CSP.
const FILES = ['data.json', 'messages.json'];
const BASE = 'emojibase/en';

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('emojibase-data/package.json')), 'en');
}

export function emojibase(): Plugin {
  return {
    name: 'chat-emojibase',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = FILES.find((name) => request.url === `/${BASE}/${name}`);
        if (!file) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(readFileSync(join(dataDir(), file)));
      });
    },
    generateBundle() {
      for (const file of FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${BASE}/${file}`,
          source: readFileSync(join(dataDir(), file)),
        });
      }
    },
  };
}
