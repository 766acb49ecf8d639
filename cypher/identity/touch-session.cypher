// description: Records that a session was used now (its idle timeout starts again).
// mode: write
// params:
//   $id: string — SHA-256 of the session cookie's secret
//   $now: string — the current time, ISO-8601 UTC
// returns: nothing
MATCH (s:AppSession {id: $id})
SET s.lastSeenAt = $now
