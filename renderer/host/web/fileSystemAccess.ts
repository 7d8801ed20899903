/**
 * The File System Access API, as far as Faultline uses it. Declared here because TypeScript's DOM
 * library does not include the pickers (Chromium-only so far); every use checks they exist.
 */
export interface WritableFileStream {
  write(data: string | Blob | BufferSource): Promise<void>;
  close(): Promise<void>;
}

export interface FileHandle {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<WritableFileStream>;
}

interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}

export interface PickerWindow {
  showOpenFilePicker?: (options: { types: PickerType[]; multiple?: boolean; excludeAcceptAllOption?: boolean }) => Promise<FileHandle[]>;
  showSaveFilePicker?: (options: { suggestedName: string; types: PickerType[] }) => Promise<FileHandle>;
}

export const FAULTLINE_TYPE: PickerType = { description: 'Faultline sandbox', accept: { 'application/json': ['.faultline'] } };
export const EXPORT_TYPES: Record<'png' | 'json' | 'csv', PickerType> = {
  png: { description: 'PNG image', accept: { 'image/png': ['.png'] } },
  json: { description: 'Faultline run report', accept: { 'application/json': ['.json'] } },
  csv: { description: 'CSV table', accept: { 'text/csv': ['.csv'] } },
};

/** The user closed the picker: not an error. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
