// Attachments on disk, content-addressed: a file is stored once under the SHA-256 of its bytes
// (DATA_DIR/files/ab/cdef…), written to a temporary name and renamed, so a crash never leaves half a
// file under a real name, and two uploads of one file share it.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class FileStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad file id');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!existsSync(target)) {
      mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    }
    return sha256;
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  read(sha256: string) {
    return createReadStream(this.pathOf(sha256));
  }
}
