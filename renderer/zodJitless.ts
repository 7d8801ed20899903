import { z } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function` when eval is allowed, and probes for it
 * once. Our CSP forbids eval, and Chromium reports even a caught probe as a CSP violation, so the
 * renderer asks zod never to try. Imported first, because schemas are built at import time.
 */
z.config({ jitless: true });
