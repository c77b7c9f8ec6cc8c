// The backup engine's public API for the screens (src/backup/ui) and the app shell.
export { runBackup, listHistory, recordVerification, verifyBackup, previewRestore, commitRestore } from './service';
export type { RunExtras, BackupRunReport, VerifyReport, RestorePreview } from './service';
export { loadSettings, saveSettings, setupBackupSet, isReminderDue, defaultSettings } from './settings';
export type { BackupSettings, EncryptionChoice } from './settings';
export { exportOrganizations, openBackupFile, BACKUP_FILE_EXTENSION } from './export';
export type { ExportOrganization, ExportOptions } from './export';
export { restoreExtraFolder, type ExtraFolder } from './folder-source';
export { ALL_DATA_SETS } from './dexie-source';
export { directoryDestination, ensurePermission, openBackupFolder } from './destinations/directory';
export { downloadDestination, saveAsDownload, supportsDirectoryPicker } from './destinations/download';
export { memoryDestination } from './destinations/memory';
export { httpDestination } from './destinations/http';
export type { DirectoryHandleLike } from './destinations/handle';
export { createBrowserCodec } from './worker-client';
export { inlineCodec, type PackCodec, type CompressionLevel } from './format/codec';
export { zipReader } from './format/zip';
export { COMMIT_STEPS } from './format/types';
export type { BackupFailure, BackupDestination, BackupReader, Result, Progress, OnProgress, Faults, CommitStep } from './format/types';
