-- The clients list at a million clients of one owner. A search reads its hits as ranges of the two
-- pattern indexes and sorts the page out of them: with the sorted columns in the indexes no table
-- row is read for the hits (50,000 for a common surname). A page sorted by e-mail reads its ids
-- off the unique index, which now holds the id as well.

alter table client drop constraint client_owner_email_uq,
    add constraint client_owner_email_uq unique (owner_id, email) include (id);

drop index client_owner_email_prefix_idx;
drop index client_owner_name_prefix_idx;

create index client_owner_email_prefix_idx on client (owner_id, email varchar_pattern_ops)
    include (full_name, created_at, id);
create index client_owner_name_prefix_idx on client (owner_id, lower(full_name) text_pattern_ops)
    include (email, full_name, created_at, id);
