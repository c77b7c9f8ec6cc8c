// The admin password at start (prepareDatabase): ADMIN_PASSWORD, the demo password, or a
// one-time setup secret printed once on a first start outside demo mode.
import { randomInt } from 'node:crypto';
import { SYNC_CODE_ALPHABET } from './crypto';
import { MIN_PASSWORD_LENGTH, checkAdminPassword, hasAdmin, revokeOtherAdminSessions, setAdminPassword } from './store/admin';
import type { Database } from './store/sql';

export const DEMO_ADMIN_PASSWORD = 'admin';

/** The admin password at start: ADMIN_PASSWORD wins (replacing a different one and revoking the
 * sessions); demo mode falls back to 'admin'; otherwise a first start prints a setup secret once,
 * which must be replaced at the first login. */
export async function prepareAdmin(db: Database, options: { adminPassword?: string; demo?: boolean }, now: Date, log: (line: string) => void): Promise<void> {
  const given = options.adminPassword;
  if (given) {
    if (!options.demo && given.length < MIN_PASSWORD_LENGTH) {
      throw new RangeError(`ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    if ((await hasAdmin(db)) && (await checkAdminPassword(db, given)).ok) return;
    await db.transaction(async (tx) => {
      await setAdminPassword(tx, given, now);
      await revokeOtherAdminSessions(tx);
    });
    log('The admin password was set from ADMIN_PASSWORD.');
    return;
  }
  if (await hasAdmin(db)) {
    // A database from demo mode (or from before demo mode existed) still has the demo password:
    // outside demo mode it stops working and a setup secret replaces it.
    if (options.demo || !(await checkAdminPassword(db, DEMO_ADMIN_PASSWORD)).ok) return;
    const secret = randomSetupSecret();
    await db.transaction(async (tx) => {
      await setAdminPassword(tx, secret, now, { mustChange: true });
      await revokeOtherAdminSessions(tx);
    });
    log(`The admin password was the demo password "${DEMO_ADMIN_PASSWORD}", which only demo mode allows: the admin page's one-time setup password is ${secret} — log in with it and choose a new password. It is not shown again.`);
    return;
  }
  if (options.demo) {
    await setAdminPassword(db, DEMO_ADMIN_PASSWORD, now);
    log(`Demo mode: the admin password is "${DEMO_ADMIN_PASSWORD}". Outside demo mode set ADMIN_PASSWORD.`);
    return;
  }
  const secret = randomSetupSecret();
  await setAdminPassword(db, secret, now, { mustChange: true });
  log(`First start: no ADMIN_PASSWORD, so the admin page's one-time setup password is ${secret} — log in with it and choose a new password. It is not shown again.`);
}

/** 20 letters and digits easy to read aloud, in groups of five: ~98 bits. */
function randomSetupSecret(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let part = '';
    for (let i = 0; i < 5; i++) part += SYNC_CODE_ALPHABET[randomInt(SYNC_CODE_ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}
