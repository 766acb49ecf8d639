// description: Every account, by username, with its live API tokens and whether a sign-in lockout holds it.
// mode: read
// params:
//   $now: string — the current time, ISO-8601 UTC
// returns:
//   user: map — every stored field (the password hash too: callers never answer with it)
//   tokens: integer — API tokens neither revoked nor expired
//   locked: boolean — a lockout for some source still runs
MATCH (u:AppUser)
RETURN properties(u) AS user,
  COUNT { MATCH (t:ApiToken) WHERE t.userId = u.id AND t.revokedAt IS NULL AND t.expiresAt > $now } AS tokens,
  EXISTS { MATCH (l:SignInThrottle) WHERE l.username = u.username AND l.lockedUntil > $now } AS locked
ORDER BY u.username
