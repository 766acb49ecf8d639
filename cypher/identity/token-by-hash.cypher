// description: The token a caller presented, found by its hash, with its owner.
// mode: read
// params:
//   $hash: string — SHA-256 of the presented token
// returns:
//   token: map — {id, hash, name, userId, createdAt, expiresAt, revokedAt, lastUsedAt}
//   user: map — the owner's stored fields
MATCH (t:ApiToken {hash: $hash})
MATCH (u:AppUser {id: t.userId})
RETURN properties(t) AS token, properties(u) AS user
