/**
 * The engine's warnings about a design ("app2: linked only to replicas; …"), kept as parts so each
 * reader can name the nodes its own way: the CLI (and the report's readers) by id — its output is
 * a contract — and the live view by the names the user gave them. A warning is a list of parts:
 * plain text, and node references.
 */
export type WarningPart = string | { readonly node: string };
export type SimWarning = readonly WarningPart[];

/** A reference to a node, for the `warning` template. */
export const node = (id: string): { readonly node: string } => ({ node: id });

/**
 * Builds a warning from a template: interpolated `node(id)`s (and `nodeList`s) stay references,
 * anything else becomes text. Adjacent text is joined, so equal warnings have equal parts.
 */
export function warning(strings: TemplateStringsArray, ...values: readonly (WarningPart | number | readonly WarningPart[])[]): SimWarning {
  const parts: WarningPart[] = [];
  const add = (part: WarningPart) => {
    const last = parts.length - 1;
    if (typeof part !== 'string') parts.push(part);
    else if (part === '') return;
    else if (last >= 0 && typeof parts[last] === 'string') parts[last] = (parts[last] as string) + part;
    else parts.push(part);
  };
  strings.forEach((piece, i) => {
    add(piece);
    if (i >= values.length) return;
    const value = values[i];
    if (typeof value === 'number') add(String(value));
    else if (Array.isArray(value)) (value as readonly WarningPart[]).forEach(add);
    else add(value as WarningPart);
  });
  return parts;
}

/** Several node references separated by `separator` ("a, b, c"), to interpolate into a warning. */
export function nodeList(ids: readonly string[], separator = ', '): WarningPart[] {
  return ids.flatMap((id, i) => (i === 0 ? [node(id)] : [separator, node(id)]));
}

/** A warning in words, nodes named by `name` (by id unless told otherwise: the CLI's wording). */
export function warningText(parts: SimWarning, name: (id: string) => string = (id) => id): string {
  return parts.map((part) => (typeof part === 'string' ? part : name(part.node))).join('');
}
