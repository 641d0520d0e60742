# syntax=docker/dockerfile:1
# The API image: one process serving REST (/api), Socket.IO, the built SPA and /api/docs.
# It expects a real PostgreSQL (DATABASE_URL) and, for more than one replica, Redis (REDIS_URL);
# see docker-compose.yml. The embedded PostgreSQL fallback is for development, not this image.

# Node.js 24, the current LTS, in both stages (Node 20 reached end of life in April 2026).
FROM node:24-bookworm-slim AS build
# corepack cannot verify the registry metadata here; npm installs the pinned pnpm fine.
RUN npm install -g pnpm@12.21.0
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
WORKDIR /app

# Dependencies first, keyed on the lockfile only, so a source change does not refetch them.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch

COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm build

# `pnpm deploy` writes the API with its production dependencies into a self-contained folder:
# workspace packages (@chat/contracts, with its dist) are copied in, not symlinked to libs/.
# It lands at apps/api so the repo layout, and the SPA at ../../web/dist, stay as in development.
RUN pnpm --filter @chat/api deploy --prod /out/apps/api \
 && mkdir -p /out/apps/web \
 && cp -r apps/web/dist /out/apps/web/dist


FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app

# The code stays owned by root and read-only to the app; only the data folder is writable
# (the generated JWT secret outside production), and only to the app's user.
COPY --from=build /out ./
# .data/uploads exists in the image so that docker-compose's `uploads` volume starts owned by `node`.
RUN install -d -m 0700 -o node -g node .data .data/uploads
USER node

EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
