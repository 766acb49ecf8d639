// description: Clears sign-in throttles: one account from one source (after a good sign-in), or
//   every source of an account (an admin's unlock).
// mode: write
// params:
//   $username: string — the account's username
//   $key: string|null — only this `username|source`; null: every source
// returns:
//   cleared: integer — how many throttles were removed
MATCH (l:SignInThrottle)
WHERE l.username = $username AND ($key IS NULL OR l.key = $key)
WITH collect(l) AS throttles
FOREACH (l IN throttles | DETACH DELETE l)
RETURN size(throttles) AS cleared
