/// <reference types="vite/client" />
// axe-core's file as it ships, for the demo's production build: there the bundled package's own
// `source` is its minified wrapper's text, which names helpers of the bundle and throws when run alone.
export { default } from 'axe-core/axe.min.js?raw';
