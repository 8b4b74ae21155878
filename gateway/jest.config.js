/** Unit tests of pure gateway logic (formulas, state machines, tokens). Integration tests live in /test. */
const swc = require('./swc.jest.js');
module.exports = {
  displayName: 'gateway',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
};
