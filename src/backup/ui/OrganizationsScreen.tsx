// OrganizationsScreen (backup UI). Being built: see src/backup/ui.
export function OrganizationsScreen() {
  return <section className="card" data-testid="OrganizationsScreen" />;
}
