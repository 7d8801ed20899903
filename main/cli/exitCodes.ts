/** Exit codes of the CLI (DESIGN §5, Contract). */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  invalid: 2,
  internal: 3,
} as const;
