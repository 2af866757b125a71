// cucumber-js configuration for the BRP Personen acceptance features (npm run brp:features).
export default {
  import: ['test/brp-features/*.ts'],
  format: ['summary', 'json:brp-features-report.json'],
};
