-- The run page searches a run's deliveries by the start of the address: under a linguistic
-- collation only the pattern operator class serves LIKE 'prefix%'.
create index delivery_run_email_prefix_idx on delivery (run_id, email varchar_pattern_ops, client_id);
