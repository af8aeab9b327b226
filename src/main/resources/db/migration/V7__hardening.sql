-- Sessions opened before a password or role change end at their next request: the account's
-- epoch is raised by each change and compared with the one the session was opened at.
alter table app_user add column session_epoch integer not null default 0;

-- Account e-mails asked for per e-mail address and per client address in the current hour.
create table mail_quota (
    quota_key    varchar(300) primary key,
    window_start timestamp with time zone not null,
    requests     integer not null
);

-- The number of clients per owner, kept by every change of the owner's clients, so the clients
-- list shows its total without counting up to a million rows.
create table client_count (
    owner_id bigint primary key references app_user (id) on delete cascade,
    clients  bigint not null
);

insert into client_count (owner_id, clients) select owner_id, count(*) from client group by owner_id;
