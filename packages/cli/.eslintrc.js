module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // expectValidImport (src/testing) asserts for the tests that call it
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectValidImport'] },
    ],
  },
});
