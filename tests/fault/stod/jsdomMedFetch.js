/**
 * jsdom, as the component tests use, plus Node's fetch and its classes: the fault files that render
 * a part against the emulator send real requests over loopback HTTP, as a browser would. Pick it in a
 * file's docblock: `@jest-environment ./tests/fault/stod/jsdomMedFetch.js`.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

/** jsdom lacks these (fetch and its classes), or has versions Node's fetch does not accept. */
const FRAN_NODE = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone'];

class JsdomMedFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const namn of FRAN_NODE) {
      if (typeof globalThis[namn] !== 'undefined') this.global[namn] = globalThis[namn];
    }
  }
}

module.exports = JsdomMedFetch;
