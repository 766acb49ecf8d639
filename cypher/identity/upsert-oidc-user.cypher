// description: The account of an identity-provider subject, created at its first sign-in; its roles
//   and display name follow the provider's claims at every sign-in.
// mode: write
// params:
//   $oidcKey: string — issuer and subject: `issuer|sub`
//   $id: string — the id of a new account
//   $username: string — the username of a new account
//   $displayName: string — the name to show
//   $roles: list<string> — the roles mapped from the provider's claims
//   $now: string — the current time, ISO-8601 UTC
// returns:
//   user: map — the account as stored
MERGE (u:AppUser {oidcKey: $oidcKey})
ON CREATE SET u.id = $id, u.username = $username, u.createdAt = $now, u.disabled = false
SET u.displayName = $displayName, u.roles = $roles, u.lastSignInAt = $now
RETURN properties(u) AS user
