-- The owner's workspace: clients (recipients), messages and mailings. Mailings keep their schedule
-- in the owner's wall-clock time and zone; next_run_at is what the sending engine claims work by.

create sequence client_seq start with 50 increment by 50;

create table client (
    id              bigint primary key,
    owner_id        bigint        not null references app_user (id),
    email           varchar(254)  not null,  -- kept in lower case: unique per owner regardless of case
    full_name       varchar(200)  not null,
    comment         varchar(1000),
    unsubscribed_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    version         bigint        not null default 0,
    constraint client_owner_email_uq unique (owner_id, email)
);

create index client_owner_name_idx on client (owner_id, full_name);
create index client_owner_created_idx on client (owner_id, created_at);

create sequence message_seq start with 50 increment by 50;

create table message (
    id         bigint primary key,
    owner_id   bigint       not null references app_user (id),
    subject    varchar(255) not null,
    body       text         not null,
    body_kind  varchar(10)  not null,  -- HTML or PLAIN_TEXT
    deleted_at timestamp with time zone,  -- kept for the history of mailings that used it
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint       not null default 0
);

create index message_owner_idx on message (owner_id, updated_at);

create sequence mailing_seq start with 50 increment by 50;

create table mailing (
    id                 bigint primary key,
    owner_id           bigint       not null references app_user (id),
    name               varchar(200) not null,
    message_id         bigint       not null references message (id),
    all_clients        boolean      not null,
    first_send         timestamp    not null,  -- wall-clock time in time_zone
    time_zone          varchar(64)  not null,
    periodicity        varchar(10)  not null,  -- ONCE, DAILY, WEEKLY, MONTHLY
    end_date           date,
    next_run_at        timestamp with time zone,  -- the next scheduled send; null when none is left
    last_occurrence_at timestamp with time zone,  -- the scheduled time of the last send that ran
    paused_at          timestamp with time zone,
    disabled_at        timestamp with time zone,
    disabled_by        bigint references app_user (id),
    disabled_reason    varchar(500),
    deleted_at         timestamp with time zone,  -- kept for statistics
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint       not null default 0
);

create index mailing_owner_idx on mailing (owner_id, created_at);
create index mailing_due_idx on mailing (next_run_at);

-- Chosen recipients when all_clients is false; a deleted client simply leaves the list.
create table mailing_recipient (
    mailing_id bigint not null references mailing (id) on delete cascade,
    client_id  bigint not null references client (id) on delete cascade,
    primary key (mailing_id, client_id)
);

create index mailing_recipient_client_idx on mailing_recipient (client_id);
