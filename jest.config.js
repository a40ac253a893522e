// Jest runs the test layers as projects: pure domain rules, React components (jsdom), the
// localization files, and the built .sppkg. SPFx's gulp rig does not run these (`gulp test` is
// not used); `npm test` builds the package first, then runs every project.
const path = require('path');
const spfxConfig = require('./config/config.json');

// SPFx resolves `import * as strings from 'XStrings'` at run time from config.json; under Jest
// the same names map to the Swedish source files, the product's first language.
const locModuler = Object.fromEntries(
  Object.entries(spfxConfig.localizedResources).map(([modul, fil]) => [
    `^${modul}$`,
    path.join('<rootDir>', fil.replace(/^lib\//, 'src/').replace('{locale}', 'sv-se'))
  ])
);

// Types are checked once for the whole tree by `tsc -p tests/tsconfig.json` (npm test runs it);
// per-file transpilation keeps Jest fast on two cores.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.jest.json' }];

const gemensamt = {
  rootDir: __dirname,
  transform: {
    '/loc/[^/]+\\.js$': '<rootDir>/tests/support/amdTransform.js',
    '^.+\\.(ts|tsx)$': tsJest,
    // PnPjs v4 ships ES modules only.
    '^.+/node_modules/@pnp/.+\\.js$': tsJest
  },
  transformIgnorePatterns: ['/node_modules/(?!@pnp/)'],
  moduleNameMapper: locModuler,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json']
};

module.exports = {
  projects: [
    { ...gemensamt, displayName: 'domain', testEnvironment: 'node', testMatch: ['<rootDir>/tests/domain/**/*.test.ts'] },
    { ...gemensamt, displayName: 'loc', testEnvironment: 'node', testMatch: ['<rootDir>/tests/loc/**/*.test.ts'] },
    {
      ...gemensamt,
      displayName: 'components',
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/tests/support/setupComponents.ts'],
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx']
    },
    { ...gemensamt, displayName: 'package', testEnvironment: 'node', testMatch: ['<rootDir>/tests/package/**/*.test.ts'] },
    {
      ...gemensamt,
      displayName: 'services',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/emulator/**/*.test.ts', '<rootDir>/tests/services/**/*.test.ts', '<rootDir>/tests/provisioning/**/*.test.ts']
    },
    {
      ...gemensamt,
      // Fault injection against the emulator (issue 8): throttling, conflicts, offline, malformed rows,
      // large lists, the public site. Node by default; a file that renders components picks jsdom
      // (with Node's fetch) in its own @jest-environment docblock. Each file prints its figures.
      displayName: 'fault',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/fault/**/*.test.ts', '<rootDir>/tests/fault/**/*.test.tsx']
    },
    {
      ...gemensamt,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      // One Chromium and one in-process workbench per file; page loads need more than Jest's 5 s.
      setupFilesAfterEnv: ['<rootDir>/tests/browser/stod/oppsattning.ts'],
      slowTestThreshold: 30
    }
  ]
};
