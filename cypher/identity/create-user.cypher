// description: Creates an account unless its username is taken.
// mode: write
// params:
//   $user: map — {id, username, displayName, roles, disabled, passwordHash, createdAt}
// returns:
//   user: map — the account as stored (no row when the username is taken)
OPTIONAL MATCH (taken:AppUser {username: $user.username})
WITH taken WHERE taken IS NULL
CREATE (u:AppUser)
SET u = $user
RETURN properties(u) AS user
