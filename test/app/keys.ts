import { generateKeyPairSync } from 'node:crypto';

/** One RSA key for the whole test run (an app's private key is RSA, PEM, PKCS#1 or PKCS#8). */
export const TEST_PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
