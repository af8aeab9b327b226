-- Each outcome the engine writes adds an attempt row, and each attempt row cost a check of its
-- foreign key: a lookup of the delivery and a lock on its row, written to the log, for a delivery
-- the same statement has just updated (a third of the attempt's cost in PostgreSQL). Attempts are
-- written only by the engine, for deliveries it claimed, and deliveries are never deleted, so the
-- constraint guards nothing the writing does not.
alter table delivery_attempt drop constraint delivery_attempt_delivery_id_fkey;
