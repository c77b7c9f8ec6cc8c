// ExportWizard (backup UI). Being built: see src/backup/ui.
export function ExportWizard() {
  return <section className="card" data-testid="ExportWizard" />;
}
