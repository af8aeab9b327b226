-- The clients list sorts by name or by creation time with the id as tie-breaker; with the id in
-- the index a page is read straight off it, even deep into a million clients of one owner.

drop index client_owner_name_idx;
drop index client_owner_created_idx;

create index client_owner_name_idx on client (owner_id, full_name, id);
create index client_owner_created_idx on client (owner_id, created_at, id);
