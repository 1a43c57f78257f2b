/** Writes the dev host's page (index.html, devhost.js) into `outdir`. */
export function bundleDevHostPage(outdir: string): Promise<string[]>;
