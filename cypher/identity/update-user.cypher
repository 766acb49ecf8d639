// description: Changes fields of one account (roles, disabled, display name, password hash, last sign-in).
// mode: write
// params:
//   $username: string — the account's username
//   $changes: map — the fields to set
// returns:
//   user: map — the account after the change (no row for an unknown username)
MATCH (u:AppUser {username: $username})
SET u += $changes
RETURN properties(u) AS user
