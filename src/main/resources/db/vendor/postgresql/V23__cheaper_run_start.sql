-- A run writes all its deliveries in one statement, a million for a large list, and each row costs
-- an entry in every index of delivery and a check of every foreign key.
--
-- The check that the run exists is made once per delivery, a million times for the same run: the
-- deliveries are written only with the run that the same transaction has just written, and runs
-- are never deleted, so the constraint guards nothing the writing does not.
alter table delivery drop constraint delivery_run_id_fkey;

-- Addresses are sorted and searched by the one pattern index (code point order), and the
-- suppression of an address finds its deliveries by it too; the index in the collation's order
-- goes.
drop index delivery_run_email_idx;

-- The mailing page says how many recipients "send now" would have: the kept number of clients less
-- the unsubscribed ones, which this index holds alone (a few among a million clients).
create index client_unsubscribed_idx on client (owner_id) where unsubscribed_at is not null;
