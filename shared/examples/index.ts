/**
 * The built-in examples. Only names live here: `shared/` cannot read files, and each host loads
 * the text its own way (the renderer with Vite `?raw` imports, the CLI from disk next to this file).
 */
export interface BuiltinExample {
  id: string;
  title: string;
  /** File name inside `shared/examples/`. */
  file: string;
}

export const BUILTIN_EXAMPLES: readonly BuiltinExample[] = [
  { id: 'classic-web-stack', title: 'Classic web stack', file: 'classic-web-stack.faultline' },
];

/** What File → New opens. */
export const DEFAULT_SANDBOX_ID = 'classic-web-stack';
