// Imports every entry of the installed package in plain Node, one after another, and fails on the
// first that throws or that leaves a `window` or `document` behind (server rendering, tests).
//   node node-imports.mjs miniapps/sdk miniapps/protocol …
for (const specifier of process.argv.slice(2)) {
  try {
    await import(specifier);
  } catch (error) {
    console.error(`import '${specifier}' threw in Node: ${error?.stack ?? error}`);
    process.exit(1);
  }
  for (const name of ['window', 'document']) {
    if (name in globalThis) {
      console.error(`import '${specifier}' defined a global ${name} in Node`);
      process.exit(1);
    }
  }
}
console.log(`${process.argv.length - 2} entries imported in Node without a DOM`);
