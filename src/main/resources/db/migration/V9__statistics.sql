-- Statistics at scale. The engine adds one row here per batch of results it records (run, hour,
-- outcome, reply code, how many attempts), so charts, reports and attempt totals sum a few rows
-- instead of counting millions of attempts. Rows are only inserted, never updated: instances
-- recording at once never wait for each other.
create table attempt_summary (
    run_id     bigint      not null references mailing_run (id),
    hour_start timestamp with time zone not null,  -- the attempts' hour (UTC)
    outcome    varchar(10) not null,               -- SENT, RETRY, FAILED
    smtp_code  integer     not null,               -- 0: no reply code (e.g. connection refused)
    attempts   integer     not null
);

create index attempt_summary_run_idx on attempt_summary (run_id, hour_start);

-- attempts recorded before this table existed
insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts)
select run_id, date_trunc('hour', attempted_at), outcome, coalesce(smtp_code, 0), count(*)
from delivery_attempt group by run_id, date_trunc('hour', attempted_at), outcome, coalesce(smtp_code, 0);

-- the runs of a mailing, newest first; the runs of an owner for reports
create index mailing_run_mailing_idx on mailing_run (mailing_id, created_at);
create index mailing_run_owner_idx on mailing_run (owner_id);

-- a run's deliveries by outcome in recipient order (filters and their pages), and by address;
-- with client_id in each, a page of recipients is found in the index alone, however deep
create index delivery_run_state_idx on delivery (run_id, state, client_id);
create index delivery_run_email_idx on delivery (run_id, email, client_id);
