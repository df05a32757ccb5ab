// Who is signed in, what they may do, and the shared reference data (roles, organizations).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setUnauthorizedHandler } from './api';
import type { Meta, Org, User } from './types';

interface SessionState {
  user: User | null;
  permissions: string[];
  meta: Meta;
  orgs: Org[];
  loading: boolean;
  refresh(): Promise<void>;
  reloadOrgs(): Promise<void>;
  can(action: string): boolean;
  roleLabel(role: string): string;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [permissions, setPermissions] = useState<string[]>([]);
  const [meta, setMeta] = useState<Meta>({ roles: [], orgKinds: [] });
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [loading, setLoading] = useState(true);

  const reloadOrgs = useCallback(async () => {
    setOrgs((await api.get<{ items: Org[] }>('/orgs')).items);
  }, []);

  const refresh = useCallback(async () => {
    const s = await api.get<{ user: User | null; permissions?: string[] }>('/auth/session');
    setUser(s.user);
    setPermissions(s.permissions ?? []);
    if (s.user) {
      const [m] = await Promise.all([api.get<Meta>('/meta/roles'), reloadOrgs()]);
      setMeta(m);
    }
    setLoading(false);
  }, [reloadOrgs]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      setPermissions([]);
    });
    void refresh();
  }, [refresh]);

  const value: SessionState = {
    user,
    permissions,
    meta,
    orgs,
    loading,
    refresh,
    reloadOrgs,
    can: (action) => permissions.includes(action),
    roleLabel: (role) => meta.roles.find((r) => r.value === role)?.label ?? role,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
