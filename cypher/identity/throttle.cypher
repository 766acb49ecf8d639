// description: The sign-in throttle of one account from one source.
// mode: read
// params:
//   $key: string — `username|source`
// returns:
//   throttle: map — {key, username, source, failures, windowStart, lockedUntil}
MATCH (l:SignInThrottle {key: $key})
RETURN properties(l) AS throttle
