import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataKeyFrom, DataKeyError, parseDataKey, useDataKey } from './data-key.js';

const key = (fill: number) => dataKeyFrom(Buffer.alloc(32, fill));

describe('data key', () => {
  it('seals so that the text is not readable and opens to the same text', () => {
    const k = key(1);
    const sealed = k.seal('{"name":"张三","idNumber":"110101199003074514"}');
    expect(sealed).not.toContain('张三');
    expect(sealed).not.toContain('110101199003074514');
    expect(k.seal('同一段文字')).not.toBe(k.seal('同一段文字')); // a fresh IV each time
    expect(k.open(sealed)).toBe('{"name":"张三","idNumber":"110101199003074514"}');
  });

  it('refuses another key and tampered data with a clear message', () => {
    const sealed = key(1).seal('张三');
    expect(() => key(2).open(sealed)).toThrow(/另一把密钥/);
    const [v, id, body] = sealed.split('.');
    const bytes = Buffer.from(body!, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => key(1).open(`${v}.${id}.${bytes.toString('base64')}`)).toThrow(/损坏或密钥不符/);
  });

  it('gives equal blind indexes for equal values, different ones across keys', () => {
    expect(key(1).blindIndex('id:居民身份证:110101199003074514')).toBe(key(1).blindIndex('id:居民身份证:110101199003074514'));
    expect(key(1).blindIndex('a')).not.toBe(key(1).blindIndex('b'));
    expect(key(1).blindIndex('a')).not.toBe(key(2).blindIndex('a'));
  });

  it('reads the key as hex or base64 and refuses other lengths', () => {
    expect(parseDataKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseDataKey(Buffer.alloc(32, 3).toString('base64'))).toHaveLength(32);
    expect(() => parseDataKey('short')).toThrow(DataKeyError);
  });

  it('requires a configured key on PostgreSQL, and keeps a made one beside the embedded database', () => {
    expect(() => useDataKey({ databaseUrl: 'postgres://x/y', dataDir: 'memory' })).toThrow(/必须配置 DATA_KEY/);
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-key-'));
    try {
      const first = useDataKey({ databaseUrl: null, dataDir: dir });
      const file = path.join(dir, 'data.key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(parseDataKey(readFileSync(file, 'utf8'))).toHaveLength(32);
      expect(useDataKey({ databaseUrl: null, dataDir: dir }).id).toBe(first.id); // the same key next start
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
