/**
 * Spreads out the compact arc flags SVG allows ("a1.5 1.5 0 00-2.4 1" means flags 0, 0 then
 * -2.4) into separate numbers, which Pixi's SVG path parser requires.
 */
export function expandArcFlags(pathData: string): string {
  // A flag is exactly one character, so inside an arc "00-2.4" reads as 0, 0, -2.4.
  const out: string[] = [];
  let index = 0;
  const source = pathData;
  let command = '';
  let position = 0;
  const number = /^[\s,]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/;
  const flag = /^[\s,]*([01])/;
  const letter = /^[\s,]*([a-zA-Z])/;
  while (position < source.length) {
    const rest = source.slice(position);
    const commandMatch = letter.exec(rest);
    if (commandMatch) {
      command = commandMatch[1];
      out.push(command);
      position += commandMatch[0].length;
      index = 0;
      continue;
    }
    const isArc = command === 'a' || command === 'A';
    const slot = index % 7;
    const match = isArc && (slot === 3 || slot === 4) ? flag.exec(rest) : number.exec(rest);
    if (!match) break;
    out.push(match[1]);
    position += match[0].length;
    index++;
    if (/^\s*$/.test(source.slice(position))) break;
  }
  return out.join(' ');
}
