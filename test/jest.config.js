/**
 * Cross-package tests. `integration`: real GraphQL over HTTP against the gateway on MariaDB, each
 * jest worker on its own database. `e2e`: the built portal in Debian's Chromium.
 */
const swc = require('../gateway/swc.jest.js');
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };

module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/integration/**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/support/global-setup.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      transform,
      // builds portal/dist once when it is missing (each file then starts its own gateway)
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
    },
  ],
};
// maxWorkers must not exceed TEST_WORKERS (support/databases.ts): one database per worker.
module.exports.maxWorkers = Number(process.env.TEST_WORKERS ?? 2);
