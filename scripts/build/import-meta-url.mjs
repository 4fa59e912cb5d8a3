// esbuild's CommonJS bundles have no import.meta: the server's URL (it starts
// its own analysis worker from it) is the bundle's own file there.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
