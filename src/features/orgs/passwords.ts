// Password hashing with Argon2id (the library's defaults follow OWASP's recommendation).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spend the same time on an unknown username as on a wrong password, so response times do not
 * reveal which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hash('gongkai-dummy-password');
  await verifyPassword(await dummy, password);
}
