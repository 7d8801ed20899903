/** The `format` marker of a `.faultline` file. */
export const FILE_FORMAT = 'faultline';

/** The file version this app writes and the newest it reads. Bump it only together with a migration. */
export const CURRENT_VERSION = 1;
