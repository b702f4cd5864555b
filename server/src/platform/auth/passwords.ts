import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id with the library's defaults (OWASP-recommended memory cost). */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash when the account does not exist keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let decoyHash: Promise<string> | undefined;
export async function burnVerificationTime(password: string): Promise<void> {
  decoyHash ??= hashPassword('citydx-decoy-password');
  await verifyPassword(await decoyHash, password);
}
