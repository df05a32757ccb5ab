// Encryption at rest of personal data (issue #5 item 12: an applicant's identity is encrypted with a
// key from configuration). AES-256-GCM: a stolen database dump or backup shows neither names nor ID
// numbers, and a tampered value fails to open instead of reading as someone else's data.
//
// One key per deployment, from DATA_KEY (32 bytes, base64 or hex). Without it:
//   - on PostgreSQL the platform refuses to start: the data is somewhere others administer;
//   - on the embedded database a key is made once and kept beside it in DATA_DIR/data.key (0600),
//     so that `npm start` works on a fresh machine; production sets DATA_KEY and keeps it elsewhere;
//   - an in-memory database (tests, demos) gets a key for the life of the process.
// A sealed value names the key it was sealed with (its id), so a wrong key is reported as such.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  /** Short fingerprint of the key, stored with every sealed value. */
  id: string;
  seal(plain: string): string;
  open(sealed: string): string;
  sealBytes(plain: Buffer): Buffer;
  openBytes(sealed: Buffer): Buffer;
  /**
   * A keyed hash (HMAC-SHA256) of a value: equal values give equal results, so "the same applicant"
   * can be found with an index without storing the ID number in the clear.
   */
  blindIndex(value: string): string;
}

export class DataKeyError extends Error {}

export function parseDataKey(text: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (bytes.length !== 32) throw new DataKeyError('DATA_KEY 应为 32 字节的密钥（64 位十六进制或 base64），可用 `openssl rand -base64 32` 生成');
  return bytes;
}

export function dataKeyFrom(secret: Buffer): DataKey {
  // Separate keys for sealing and for the blind index, both derived from the one configured secret.
  const encKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'gongkai data encryption', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'gongkai blind index', 32));
  const id = createHash('sha256').update(encKey).digest('hex').slice(0, 8);

  const sealBytes = (plain: Buffer): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', encKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const openBytes = (sealed: Buffer): Buffer => {
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new DataKeyError('加密数据已损坏');
    const decipher = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DataKeyError('加密数据无法解开：数据已损坏或密钥不符');
    }
  };
  return {
    id,
    seal: (plain) => `${VERSION}.${id}.${sealBytes(Buffer.from(plain, 'utf8')).toString('base64')}`,
    open(sealed) {
      const [version, keyId, body] = sealed.split('.');
      if (version !== VERSION || !body) throw new DataKeyError('加密数据格式不正确');
      if (keyId !== id) throw new DataKeyError(`数据由另一把密钥（${keyId}）加密，当前密钥为 ${id}：请检查 DATA_KEY 配置`);
      return openBytes(Buffer.from(body, 'base64')).toString('utf8');
    },
    sealBytes,
    openBytes,
    blindIndex: (value) => createHmac('sha256', indexKey).update(value, 'utf8').digest('hex'),
  };
}

let current: DataKey | null = null;
let ephemeral: DataKey | null = null;

/** The key of this process (set when the platform opens its database). */
export function dataKey(): DataKey {
  if (!current) throw new DataKeyError('未配置数据加密密钥（DATA_KEY）');
  return current;
}

export interface DataKeySource {
  dataKey?: string;
  databaseUrl: string | null;
  dataDir: string;
}

/** Chooses this process's key by the rules at the top of this file. */
export function useDataKey(source: DataKeySource): DataKey {
  current = resolve(source);
  return current;
}

function resolve({ dataKey: configured, databaseUrl, dataDir }: DataKeySource): DataKey {
  if (configured) return dataKeyFrom(parseDataKey(configured));
  if (databaseUrl) throw new DataKeyError('使用 PostgreSQL（DATABASE_URL）时必须配置 DATA_KEY（申请人个人信息加密存储的密钥），可用 `openssl rand -base64 32` 生成');
  if (dataDir === 'memory') return (ephemeral ??= dataKeyFrom(randomBytes(32)));
  const file = path.join(dataDir, 'data.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return dataKeyFrom(parseDataKey(readFileSync(file, 'utf8')));
}
