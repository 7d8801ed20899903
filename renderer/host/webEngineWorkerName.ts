/** Worker names of the web edition's engine: the debug one accepts test-only crash/hang commands. */
export const WEB_ENGINE_NAME = 'faultline-engine';
export const WEB_ENGINE_DEBUG_NAME = 'faultline-engine-debug';
