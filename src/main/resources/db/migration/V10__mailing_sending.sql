-- Whether a run of the mailing is sending now: set when a run starts, recomputed when one ends,
-- so lists show a once-only mailing as STARTED (not COMPLETED) while its only run is sending.
alter table mailing add column sending boolean not null default false;
