// description: One account by username.
// mode: read
// params:
//   $username: string — the account's username
// returns:
//   user: map — every stored field (the password hash too: callers never answer with it)
MATCH (u:AppUser {username: $username})
RETURN properties(u) AS user
