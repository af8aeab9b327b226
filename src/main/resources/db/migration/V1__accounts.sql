-- Accounts: users, their roles, the single-use tokens of e-mail verification and password reset,
-- and the login throttle.
-- Written for PostgreSQL and for H2 in PostgreSQL mode; keys come from sequences, which hand
-- EclipseLink the last key of a block of 50 (hence "start with 50").

create sequence app_user_seq start with 50 increment by 50;

create table app_user (
    id             bigint primary key,
    email          varchar(254) not null,  -- kept in lower case: unique regardless of case
    password_hash  varchar(255) not null,
    full_name      varchar(200),
    phone          varchar(32),
    city           varchar(100),
    language       varchar(2)   not null,
    time_zone      varchar(64)  not null,
    verified_at    timestamp with time zone,
    blocked_at     timestamp with time zone,
    blocked_by     bigint references app_user (id),
    blocked_reason varchar(500),
    created_at     timestamp with time zone not null,
    version        bigint       not null default 0,
    constraint app_user_email_uq unique (email)
);

create table user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(16) not null,
    primary key (user_id, role)
);

create sequence account_token_seq start with 50 increment by 50;

create table account_token (
    id         bigint primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    purpose    varchar(16) not null,
    token_hash varchar(64) not null,  -- SHA-256 of the token in hex; the token itself is only in the e-mail
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    created_at timestamp with time zone not null,
    constraint account_token_hash_uq unique (token_hash)
);

create index account_token_user_idx on account_token (user_id, purpose);

-- Failed logins per e-mail address and per client address, whether or not the account exists.
create table login_throttle (
    throttle_key varchar(300) primary key,
    failures     integer not null,
    locked_until timestamp with time zone,
    updated_at   timestamp with time zone not null
);
