// description: One API token by its public id, with its owner's username.
// mode: read
// params:
//   $id: string — the token's id
// returns:
//   token: map — {id, hash, name, userId, createdAt, expiresAt, revokedAt, lastUsedAt}
//   username: string|null — its owner
MATCH (t:ApiToken {id: $id})
OPTIONAL MATCH (u:AppUser {id: t.userId})
RETURN properties(t) AS token, u.username AS username
