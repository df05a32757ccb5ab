// Configuration comes from environment variables only (12-factor), read once at start.
// Every variable is documented in the README's configuration table; keep the two in step.
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** Where PGlite keeps its files and where attachments go. */
  dataDir: string;
  /** PostgreSQL connection string; when empty the embedded PGlite database under dataDir is used. */
  databaseUrl: string | null;
  logLevel: string;
  /** Trust X-Forwarded-* from a reverse proxy (needed for the client IP in the audit log). */
  trustProxy: boolean;
  cookieSecure: boolean;
  sessionTtlMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in attempts per minute from one address, across all accounts. */
  loginRatePerMinute: number;
  bodyLimitBytes: number;
  /** Largest attachment (PDF, Word, Excel, OFD, image) an editor may upload. */
  attachmentMaxBytes: number;
  /** How long a rendered public page may be reused; 0 turns the page cache off. */
  pageCacheSeconds: number;
  /** The key that encrypts applicants' personal data at rest (src/data-key.ts); required with PostgreSQL. */
  dataKey: string;
  site: SiteConfig;
  mail: MailConfig;
}

/** Outgoing mail (receipts and letters to applicants, due-date reminders to staff). */
export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…:465; null: mail is off (the outbox fills, nothing is sent). */
  smtpUrl: string | null;
  /** The From header: a display name and an address. */
  from: string;
}

/** What the portal footer shows; these identifiers are issued to each government website. */
export interface SiteConfig {
  /** 网站标识码, issued by the State Council office for every government website. */
  siteCode: string;
  /** ICP备案号 */
  icpNumber: string;
  /** 公安机关备案号 */
  psbNumber: string;
  /** The organization code of the government the portal belongs to (defaults to the root organization). */
  rootOrgCode: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，实际为 "${raw}"`);
  return n;
}

function smtpUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('环境变量 SMTP_URL 应为 smtp://用户名:密码@主机:端口 或 smtps://…，无法解析');
  }
  // Only the scheme and host are named: the URL may hold the password.
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) throw new Error(`环境变量 SMTP_URL 应以 smtp:// 或 smtps:// 开头并写明主机，实际为 ${url.protocol}//${url.hostname}`);
  return raw;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 3000),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: bool(env, 'TRUST_PROXY', false),
    cookieSecure: bool(env, 'COOKIE_SECURE', production),
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 8 * 60),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15),
    loginRatePerMinute: int(env, 'LOGIN_RATE_PER_MINUTE', 20),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 50 * 1024 * 1024),
    pageCacheSeconds: int(env, 'PAGE_CACHE_SECONDS', 10),
    dataKey: env.DATA_KEY || '',
    site: {
      siteCode: env.SITE_CODE || '',
      icpNumber: env.ICP_NUMBER || '',
      psbNumber: env.PSB_NUMBER || '',
      rootOrgCode: env.ROOT_ORG_CODE || '',
    },
    mail: {
      smtpUrl: smtpUrl(env),
      from: env.MAIL_FROM?.trim() || '政府信息公开 <noreply@localhost>',
    },
  };
}
