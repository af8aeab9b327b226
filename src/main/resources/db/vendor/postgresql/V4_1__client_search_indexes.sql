-- The clients search is a prefix search on the e-mail and on the lower-cased name. Under a
-- linguistic collation a plain btree index cannot serve LIKE 'prefix%'; the pattern operator
-- classes can, whatever the database collation.

create index client_owner_email_prefix_idx on client (owner_id, email varchar_pattern_ops);
create index client_owner_name_prefix_idx on client (owner_id, lower(full_name) text_pattern_ops);
