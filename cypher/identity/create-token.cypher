// description: Issues an API token to an account; only the token's hash is stored.
// mode: write
// params:
//   $username: string — the owner's username
//   $token: map — {id, hash, name, createdAt, expiresAt}
// returns:
//   token: map — the token as stored, with its owner's id (no row for an unknown username)
MATCH (u:AppUser {username: $username})
CREATE (t:ApiToken)
SET t = $token, t.userId = u.id
RETURN properties(t) AS token
