import { describeValue, invalid, isPlainObject, valid, type Validation } from './validation';

/** What the renderer may know about the program it runs in (status bar, About box, bug reports). */
export interface AppInfo {
  name: string;
  version: string;
  /** `process.platform` on the desktop; the browser's platform string in the web edition. */
  platform: string;
  edition: 'desktop' | 'web';
  /** Component versions; null where the host has no such component (the web edition has no Node). */
  electron: string | null;
  chrome: string | null;
  node: string | null;
}

const MAX_FIELD_LENGTH = 200;

function text(record: Record<string, unknown>, key: string): Validation<string> {
  const value = record[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_FIELD_LENGTH) {
    return invalid(`${key}: expected a non-empty string of at most ${MAX_FIELD_LENGTH} characters, got ${describeValue(value)}`);
  }
  return valid(value);
}

function optionalText(record: Record<string, unknown>, key: string): Validation<string | null> {
  return record[key] === null ? valid(null) : text(record, key);
}

/**
 * Checks app info coming from another process and returns a fresh object holding only the known
 * fields, so nothing extra (or a hostile prototype) rides along into the page.
 */
export function parseAppInfo(value: unknown): Validation<AppInfo> {
  if (!isPlainObject(value)) return invalid(`expected an object, got ${describeValue(value)}`);
  const name = text(value, 'name');
  if (!name.ok) return invalid(name.error);
  const version = text(value, 'version');
  if (!version.ok) return invalid(version.error);
  const platform = text(value, 'platform');
  if (!platform.ok) return invalid(platform.error);
  const edition = value.edition;
  if (edition !== 'desktop' && edition !== 'web') return invalid(`edition: expected "desktop" or "web", got ${describeValue(edition)}`);
  const electron = optionalText(value, 'electron');
  if (!electron.ok) return invalid(electron.error);
  const chrome = optionalText(value, 'chrome');
  if (!chrome.ok) return invalid(chrome.error);
  const node = optionalText(value, 'node');
  if (!node.ok) return invalid(node.error);
  return valid({
    name: name.value,
    version: version.value,
    platform: platform.value,
    edition,
    electron: electron.value,
    chrome: chrome.value,
    node: node.value,
  });
}
