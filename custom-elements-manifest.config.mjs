// Custom Elements Manifest of the UI kit: `npm run cem` writes custom-elements.json at the top
// level from the Lit sources (properties with their JSDoc, slots, parts, events, CSS properties).

/**
 * Internal reactive state (`{ state: true }` in `static properties`) has no attribute, as Lit
 * itself forces, but the analyzer lists every static property without `attribute: false` as an
 * attribute: drop those attributes again.
 */
function litStateIsNotAnAttribute() {
  const stateFields = new Map();
  return {
    name: 'lit-state-is-not-an-attribute',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const properties = node.members.find(
        (member) => ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword),
      );
      const object = properties?.initializer;
      if (!object || !ts.isObjectLiteralExpression(object)) return;
      const names = object.properties
        .filter((entry) => ts.isPropertyAssignment(entry) && ts.isObjectLiteralExpression(entry.initializer))
        .filter((entry) => entry.initializer.properties.some((option) => option.name?.getText() === 'state' && option.initializer?.kind === ts.SyntaxKind.TrueKeyword))
        .map((entry) => entry.name.getText());
      if (names.length) stateFields.set(`${moduleDoc.path}#${node.name.getText()}`, new Set(names));
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const names = stateFields.get(`${moduleDoc.path}#${declaration.name}`);
        if (!names) continue;
        declaration.attributes = declaration.attributes?.filter((attribute) => !names.has(attribute.fieldName));
        for (const member of declaration.members ?? []) if (names.has(member.name)) delete member.attribute;
      }
    },
  };
}

/**
 * The analyzer lists modules in the order the file system gives the globbed files, which differs
 * between checkouts: sort them by path, so the manifest is the same wherever it is written.
 */
function modulesInPathOrder() {
  return {
    name: 'modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['ui-kit/**/*.ts'],
  exclude: ['ui-kit/**/*.styles.ts', 'ui-kit/**/*.css.ts'],
  litelement: true,
  // Leave package.json alone.
  packagejson: false,
  plugins: [litStateIsNotAnAttribute(), modulesInPathOrder()],
};
