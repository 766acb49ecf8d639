// An account as a test needs it, whether or not an earlier test file (same database, run one
// after another) left one of that name: its roles, name and password set, unlocked, enabled.
import type { DbClient } from '../../server/db/client.js';
import { createUser, findUser, setPassword, unlockUser, updateUser } from '../../server/identity/accounts.js';
import type { AppRole } from '../../server/identity/roles.js';

const actor = { username: 'test' };

export async function ensureUser(db: DbClient, user: { username: string; displayName?: string; roles: AppRole[]; password: string }): Promise<void> {
  if (!(await findUser(db, user.username))) {
    await createUser(db, actor, user);
    return;
  }
  await updateUser(db, actor, user.username, { roles: user.roles, disabled: false, ...(user.displayName ? { displayName: user.displayName } : {}) });
  await setPassword(db, actor, user.username, user.password);
  await unlockUser(db, actor, user.username);
}
