// description: Whether the graph holds any site entity (none means load the demo site).
// mode: read
// returns:
//   any: boolean — true when at least one site entity exists
RETURN EXISTS { MATCH (:SiteEntity) } AS any
