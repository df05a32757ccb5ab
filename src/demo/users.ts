// Demo accounts, one or more per role, listed in the README and printed on first start.
import type { Role } from '../domain/policy.js';

export const DEMO_PASSWORD = 'Gongkai@2026';

export interface DemoUser {
  username: string;
  name: string;
  org: string;
  roles: Role[];
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', name: '系统管理员', org: 'sxx', roles: ['admin'] },
  { username: 'gkb', name: '林晓梅', org: 'sxx', roles: ['supervisor'] },
  // The county government's own publishing staff (the office that issues in the government's name):
  // the clean-up result notices and the gazette are the government's documents.
  { username: 'sxx_editor', name: '黄志强', org: 'sxx', roles: ['editor'] },
  { username: 'sxx_reviewer', name: '许文静', org: 'sxx', roles: ['reviewer', 'secrecy_reviewer'] },
  { username: 'jyj_editor', name: '王丽', org: 'jyj', roles: ['editor'] },
  { username: 'jyj_reviewer', name: '陈建国', org: 'jyj', roles: ['reviewer'] },
  { username: 'jyj_secrecy', name: '赵敏', org: 'jyj', roles: ['secrecy_reviewer'] },
  { username: 'jyj_handler', name: '刘洋', org: 'jyj', roles: ['handler'] },
  { username: 'jyj_head', name: '周振华', org: 'jyj', roles: ['office_head'] },
  { username: 'sfj_legal', name: '孙立新', org: 'sfj', roles: ['legal_reviewer'] },
  { username: 'zjj_editor', name: '吴海燕', org: 'zjj', roles: ['editor', 'handler'] },
  { username: 'cgz_editor', name: '郑小军', org: 'cgz', roles: ['editor', 'handler'] },
];
