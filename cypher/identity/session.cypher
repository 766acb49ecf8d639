// description: A session by its hashed id, with its account.
// mode: read
// params:
//   $id: string — SHA-256 of the session cookie's secret
// returns:
//   session: map — {id, userId, createdAt, lastSeenAt, expiresAt}
//   user: map — the account's stored fields
MATCH (s:AppSession {id: $id})
MATCH (u:AppUser {id: s.userId})
RETURN properties(s) AS session, properties(u) AS user
