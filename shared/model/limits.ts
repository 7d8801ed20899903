/** Hard limits on untrusted input (files, share codes). Shared by the loader, the CLI and hosts. */

/** Largest file the loader accepts, in UTF-8 bytes (DESIGN §4: "files over 20 MB are errors"). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Deepest nesting of arrays/objects accepted. A real document nests about 6 levels; the limit only
 * has to stop `[[[[…` from exhausting the parser's or the validator's stack.
 */
export const MAX_NESTING_DEPTH = 64;

/** Longest share code accepted, in characters (≈ 3 MB of deflated data — far above any lesson). */
export const MAX_SHARE_CODE_CHARS = 4 * 1024 * 1024;

/** Stop listing problems after this many: a broken 20 MB file could otherwise produce millions. */
export const MAX_REPORTED_PROBLEMS = 1000;

/**
 * Most JSON values (objects, arrays and scalars) in a document that arrives already parsed (a
 * message from another thread) rather than as text, which MAX_FILE_BYTES bounds. One object
 * repeated many times over would otherwise be walked and copied without end. A document of 100k
 * nodes holds about 1.5 million values.
 */
export const MAX_JSON_VALUES = 5_000_000;

/**
 * Longest run, in simulated seconds: one simulated day. The live view keeps per-second series for
 * every node over the whole run (a 50-node design for a day: ≈ 60 MB) and a seek re-simulates from
 * 0, so 1e8 s exhausted the page's memory instead of running; a lesson is minutes to hours.
 */
export const MAX_DURATION_S = 86_400;

/**
 * Most nodes, and most links, in one design: the engine keeps a node's or a link's index in 16
 * bits in every request and message it tracks (memory per request in flight, DESIGN §10).
 */
export const MAX_NODES = 65_535;
export const MAX_LINKS = 65_535;
