// description: Removes the outgoing relationships of site entities about to be written again
//   (their references are re-created by site/link-entities). Only relationships to other site
//   entities: Interlock's own records that point at an entity are left alone.
// mode: write
// params:
//   $ids: list<string> — ids of entities being rewritten
// returns: nothing
UNWIND $ids AS id
MATCH (n:SiteEntity {id: id})-[r]->(:SiteEntity)
DELETE r
