// BackupScreen (backup UI). Being built: see src/backup/ui.
export function BackupScreen() {
  return <section className="card" data-testid="BackupScreen" />;
}
