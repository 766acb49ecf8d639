// description: Creates the first account, only while there is none: the first start of a fresh database.
// mode: write
// params:
//   $user: map — {id, username, displayName, roles, disabled, passwordHash, createdAt}
// returns:
//   user: map — the account created (no row when any account exists)
OPTIONAL MATCH (any:AppUser)
WITH count(any) AS accounts WHERE accounts = 0
CREATE (u:AppUser)
SET u = $user
RETURN properties(u) AS user
