/** Characters no file name may hold on Windows, and "/" on every system. */
const NOT_IN_FILE_NAMES = new Set(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);

/**
 * A file name (without extension) for a document known only by its title — Save As of a new
 * document, an export: each character no file name may hold (those above, control characters)
 * becomes "_", as Chromium does to a download's name, and trailing dots and spaces go (Windows
 * drops them). Left in, the title bar named a file that was not on disk ("A/B test.faultline"
 * for the download "A_B test.faultline"), and a save dialog reads "/" as a folder.
 */
export function fileNameFromTitle(title: string): string {
  const name = [...title]
    .map((character) => (NOT_IN_FILE_NAMES.has(character) || character < ' ' || character === '\u007f' ? '_' : character))
    .join('')
    .replace(/[. ]+$/, '');
  return name === '' ? '_' : name;
}
