// Module borders, checked by `pnpm lint` (dependency-cruiser resolves every import, so the
// rules speak of real files, not of how an import happens to be spelt). The module graph here
// is the one drawn in docs/architecture.md; change both together.

/** Which API module may import which (always through the other's index.ts). */
const API_MODULE_GRAPH = {
  attachments: [],
  auth: ['users'],
  bot: ['conversations', 'messages', 'presence', 'users'],
  conversations: ['attachments', 'messages', 'presence', 'users'],
  games: ['conversations', 'messages', 'users'],
  health: [],
  messages: ['attachments', 'users'],
  presence: [],
  realtime: ['auth', 'conversations', 'games', 'messages', 'presence', 'users'],
  users: ['presence'],
};

const MODULES = '^apps/api/src/modules/';
const PUBLIC_FILE = `${MODULES}[^/]+/index\\.ts$`;
const FEATURES = '^apps/web/src/features/';
const FEATURE_PUBLIC_FILE = `${FEATURES}[^/]+/index\\.tsx?$`;

const moduleGraphRules = Object.entries(API_MODULE_GRAPH).map(([name, allowed]) => ({
  name: `api-graph-${name}`,
  comment: allowed.length
    ? `The ${name} module may import only ${allowed.join(', ')} (docs/architecture.md).`
    : `The ${name} module imports no other module (docs/architecture.md).`,
  severity: 'error',
  from: { path: `${MODULES}${name}/` },
  to: { path: MODULES, pathNot: `${MODULES}(${[name, ...allowed].join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...moduleGraphRules,
    {
      name: 'api-module-public-file',
      comment: 'Another module is reached only through its index.ts (its module, services, types).',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, PUBLIC_FILE] },
    },
    {
      name: 'api-outside-uses-public-file',
      comment:
        'Code outside the modules (app wiring, tests) uses a module only through its index.ts.',
      severity: 'error',
      from: { pathNot: MODULES },
      to: { path: MODULES, pathNot: PUBLIC_FILE },
    },
    {
      name: 'api-no-entities-in-public-file',
      comment: 'Entities and repositories stay inside their module: others get services and types.',
      severity: 'error',
      from: { path: PUBLIC_FILE },
      to: { path: '\\.entity\\.ts$' },
    },
    {
      name: 'api-infrastructure-below-modules',
      comment: 'common, config, database and redis serve the modules and never import one.',
      severity: 'error',
      from: { path: '^apps/api/src/(common|config|database|redis)/' },
      to: { path: MODULES },
    },
    {
      name: 'api-no-cycles',
      severity: 'error',
      from: { path: '^apps/api/src/' },
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-never-imports-api',
      comment: 'Share through @chat/contracts instead.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'api-never-imports-web',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'web-feature-public-file',
      comment: 'A feature uses another feature only through its index.ts, never its insides.',
      severity: 'error',
      from: { path: `${FEATURES}([^/]+)/` },
      to: { path: FEATURES, pathNot: [`${FEATURES}$1/`, FEATURE_PUBLIC_FILE] },
    },
    {
      name: 'web-outside-uses-feature-public-file',
      comment: 'Routes and the shell compose features through their index.ts.',
      severity: 'error',
      from: { pathNot: FEATURES },
      to: { path: FEATURES, pathNot: FEATURE_PUBLIC_FILE },
    },
    {
      name: 'web-shared-below-features',
      comment:
        'src/lib and src/components are shared by features and never import one (or the app).',
      severity: 'error',
      from: { path: '^apps/web/src/(lib|components)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.data|\\.nx)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
