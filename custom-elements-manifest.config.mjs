// Custom Elements Manifest of the UI kit: `npm run cem` writes custom-elements.json at the top
// level from the Lit sources (properties with their JSDoc, slots, parts, events, CSS properties).
export default {
  globs: ['ui-kit/**/*.ts'],
  exclude: ['ui-kit/**/*.styles.ts', 'ui-kit/**/*.css.ts'],
  litelement: true,
  // Leave package.json alone.
  packagejson: false,
};
