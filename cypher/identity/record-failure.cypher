// description: Counts a failed sign-in of one account from one source: the count starts again once
//   its window has passed, and reaching the threshold locks that account from that source only.
// mode: write
// params:
//   $key: string — `username|source`
//   $username: string — the account's username
//   $source: string — the caller's address
//   $now: string — the current time, ISO-8601 UTC
//   $windowStart: string — failures before this no longer count
//   $threshold: integer — failures that lock
//   $lockedUntil: string — when a lock set now ends
// returns:
//   failures: integer — failures in the current window
//   lockedUntil: string|null — the end of the lock, if one holds
MERGE (l:SignInThrottle {key: $key})
ON CREATE SET l.username = $username, l.source = $source, l.failures = 0, l.windowStart = $now
WITH l, l.windowStart < $windowStart AS stale
SET l.failures = CASE WHEN stale THEN 1 ELSE l.failures + 1 END,
    l.windowStart = CASE WHEN stale THEN $now ELSE l.windowStart END
SET l.lockedUntil = CASE WHEN l.failures >= $threshold THEN $lockedUntil ELSE l.lockedUntil END
RETURN l.failures AS failures, l.lockedUntil AS lockedUntil
