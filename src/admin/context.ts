// The API client and session the admin components use, provided once by <AdminProviders>.
import { createContext, useContext } from 'react';
import type { AdminApi } from './api';
import type { Session } from './session';

export interface AdminServices {
  api: AdminApi;
  session: Session;
}

export const AdminContext = createContext<AdminServices | null>(null);

export function useAdmin(): AdminServices {
  const services = useContext(AdminContext);
  if (!services) throw new Error('useAdmin outside <AdminProviders>');
  return services;
}
