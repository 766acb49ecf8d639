// description: An account's API tokens, oldest first (revoked and expired ones too: the record stays).
// mode: read
// params:
//   $username: string — the owner's username
// returns:
//   token: map — {id, hash, name, userId, createdAt, expiresAt, revokedAt, lastUsedAt}
MATCH (u:AppUser {username: $username})
MATCH (t:ApiToken) WHERE t.userId = u.id
RETURN properties(t) AS token
ORDER BY t.createdAt, t.id
