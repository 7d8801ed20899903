/// <reference types="vite/client" />

/** Set by the Vite config: which edition this bundle was built for. */
declare const __FAULTLINE_EDITION__: 'desktop' | 'web';
/** package.json's version, baked in at build time. */
declare const __FAULTLINE_VERSION__: string;

declare module '*.faultline?raw' {
  const text: string;
  export default text;
}
