// cucumber-js configuration for the BRP Personen acceptance features. `npm run brp:features`
// (scripts/brp-features.ts) adds a json report and compares it with the known-failing list.
export default {
  import: ['test/brp-features/*.ts'],
  format: ['progress'],
};
