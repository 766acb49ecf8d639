// description: Revokes an API token: it stops working at once and stays listed as revoked.
// mode: write
// params:
//   $id: string — the token's id
//   $now: string — the current time, ISO-8601 UTC
// returns:
//   token: map — the token after revocation (no row when already revoked or unknown)
MATCH (t:ApiToken {id: $id})
WHERE t.revokedAt IS NULL
SET t.revokedAt = $now
RETURN properties(t) AS token
