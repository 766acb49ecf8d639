// description: Records that an API token was used now.
// mode: write
// params:
//   $id: string — the token's id
//   $now: string — the current time, ISO-8601 UTC
// returns: nothing
MATCH (t:ApiToken {id: $id})
SET t.lastUsedAt = $now
