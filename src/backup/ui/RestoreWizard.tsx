// RestoreWizard (backup UI). Being built: see src/backup/ui.
export function RestoreWizard() {
  return <section className="card" data-testid="RestoreWizard" />;
}
