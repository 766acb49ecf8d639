// description: Ends an account's sessions: all of them (disabled, password set by an admin), all but
//   one (own password changed), or only those past their timeouts (tidied at each sign-in).
// mode: write
// params:
//   $userId: string — the account's id
//   $keep: string|null — the hashed id of a session to keep
//   $expiredOnly: boolean — only sessions past their absolute or idle timeout
//   $now: string — the current time, ISO-8601 UTC
//   $idleBefore: string — sessions last seen before this are idle
// returns:
//   ended: integer — how many sessions ended
MATCH (s:AppSession)
WHERE s.userId = $userId AND ($keep IS NULL OR s.id <> $keep)
  AND (NOT $expiredOnly OR s.expiresAt <= $now OR s.lastSeenAt < $idleBefore)
WITH collect(s) AS sessions
FOREACH (s IN sessions | DETACH DELETE s)
RETURN size(sessions) AS ended
