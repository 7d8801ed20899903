/**
 * Text from a file (a title, a node's name, a check's label) written to a terminal with its
 * control characters shown as `\u001b` instead of sent: a title carrying an ANSI escape coloured
 * the rest of the output, and a NUL or a carriage return could hide what came before it. The
 * CLI's own line breaks and tabs stay; bidirectional overrides are shown too, as they reorder what
 * follows on the line.
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
