-- The sending ledger. One mailing_run per occurrence (or "send now"), one delivery per
-- (run, recipient), one delivery_attempt per SMTP try. Deliveries are written with set-based SQL
-- and updated in JDBC batches by the sending engine; JPA only reads them.

create sequence mailing_run_seq start with 50 increment by 50;

create table mailing_run (
    id           bigint       primary key,
    mailing_id   bigint       not null references mailing (id),
    owner_id     bigint       not null references app_user (id),
    scheduled_at timestamp with time zone not null,  -- the occurrence; for "send now" the moment it was asked
    extra        boolean      not null,               -- "send now", not an occurrence of the schedule
    -- what is sent, as it was when the run started: later edits change only later runs
    subject      varchar(255) not null,
    body         text         not null,
    body_kind    varchar(10)  not null,
    sender       varchar(320) not null,
    created_at   timestamp with time zone not null,
    started_at   timestamp with time zone,            -- the first SMTP session of the run
    finished_at  timestamp with time zone,            -- no delivery left to try
    total        integer      not null default 0,
    sent         integer      not null default 0,
    failed       integer      not null default 0,
    skipped      integer      not null default 0,
    -- two timers or two instances can never start the same occurrence twice
    constraint mailing_run_occurrence_uq unique (mailing_id, scheduled_at)
);

create index mailing_run_open_idx on mailing_run (finished_at, id);

-- one value per row (increment 1): the engine takes ids in insert ... select, never through JPA
create sequence delivery_seq start with 1 increment by 1;

create table delivery (
    id              bigint       primary key,
    run_id          bigint       not null references mailing_run (id),
    -- no foreign key: deleting a client keeps what was sent to it; address and name are copies
    client_id       bigint       not null,
    email           varchar(254) not null,
    full_name       varchar(200) not null,
    state           varchar(10)  not null,  -- PENDING, SENDING, SENT, RETRY, FAILED, SKIPPED
    -- when the delivery may be claimed: PENDING now, RETRY after its back-off, SENDING when the
    -- lease ends (an expired lease is claimed again); null once final (SENT, FAILED, SKIPPED)
    next_attempt_at timestamp with time zone,
    claimed_by      varchar(64),            -- the instance holding the lease while SENDING
    attempts        integer      not null default 0,
    reason          varchar(20),            -- why SKIPPED: UNSUBSCRIBED, OWNER_BLOCKED, MAILING_DELETED, MAILING_DISABLED
    last_code       integer,                -- the SMTP reply code of the last attempt
    last_reply      varchar(1000),          -- the server's reply text or the error of the last attempt
    finished_at     timestamp with time zone,
    constraint delivery_run_client_uq unique (run_id, client_id)
);

-- claiming: due deliveries of one run in order; final rows (null) are never read by it
create index delivery_due_idx on delivery (run_id, next_attempt_at);
create index delivery_client_idx on delivery (client_id);

create sequence delivery_attempt_seq start with 1 increment by 1;

create table delivery_attempt (
    id           bigint       primary key,
    delivery_id  bigint       not null references delivery (id),
    run_id       bigint       not null,
    attempted_at timestamp with time zone not null,
    outcome      varchar(10)  not null,  -- SENT, RETRY, FAILED
    smtp_code    integer,                -- the reply code, when the server answered
    reply        varchar(1000),          -- the server's reply text, or the error
    duration_ms  integer      not null
);

create index delivery_attempt_delivery_idx on delivery_attempt (delivery_id);
create index delivery_attempt_run_idx on delivery_attempt (run_id, attempted_at);

-- The key that signs unsubscribe tokens, made once on the first start
create table signing_key (
    name   varchar(40)  primary key,
    secret varchar(100) not null
);
