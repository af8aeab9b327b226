-- One run per press of "send now" or "retry failed", however often its form arrives: a run keeps
-- the key its page gave the form, and a retry keeps the run whose failed recipients it retried,
-- which is retried once (a finished run's failures do not change).
alter table mailing_run add column request_key varchar(36);
alter table mailing_run add column retry_of bigint;
alter table mailing_run add constraint mailing_run_retry_of_fk foreign key (retry_of) references mailing_run (id);
create unique index mailing_run_request_key_uq on mailing_run (request_key);
create unique index mailing_run_retry_of_uq on mailing_run (retry_of);
