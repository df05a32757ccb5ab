import type { Grants } from '../../domain/policy.js';

export type SettingsAction = 'settings.manage';

export const settingsGrants: Grants<SettingsAction> = {
  // Government-wide rules: the system administrators and the supervising office (公开办).
  'settings.manage': ['admin', 'supervisor'],
};
