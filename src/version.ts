/** Kept equal to package.json's version by a test. */
export const VERSION = '0.1.0';

declare const __SWADAYA_BUILD__: string | undefined;

/**
 * A hash of the sources and locked dependencies the bundle was built from (scripts/build.mjs);
 * `source` when the sources run unbundled (the tests). The cache keys results by it with the
 * version (docs/ci.md#the-cache).
 */
export const BUILD_ID: string = typeof __SWADAYA_BUILD__ === 'string' ? __SWADAYA_BUILD__ : 'source';
