-- The suppression list: addresses an owner's mailings no longer send to, and why. It is keyed by
-- owner and address, not by client, so deleting a client and importing it again keeps it off.
create sequence suppression_seq start with 50 increment by 50;

create table suppression (
    id              bigint       primary key,
    owner_id        bigint       not null references app_user (id),
    address         varchar(254) not null,  -- lower case, the domain in its ASCII (IDNA) form
    address_unicode varchar(254) not null,  -- lower case, the domain in Unicode: clients keep the domain as typed
    reason          varchar(20)  not null,  -- UNSUBSCRIBED, HARD_BOUNCE, SOFT_BOUNCES, COMPLAINT, MANUAL
    created_at      timestamp with time zone not null,
    run_id          bigint,                 -- the run and delivery whose report, refusal or link caused it;
    delivery_id     bigint,                 -- none when added by hand
    status_code     varchar(20),            -- the report's or the server's status, e.g. 5.1.1
    diagnostic      varchar(1000),          -- the report's or the server's text
    constraint suppression_owner_address_uq unique (owner_id, address)
);

create index suppression_owner_unicode_idx on suppression (owner_id, address_unicode);
create index suppression_owner_created_idx on suppression (owner_id, created_at);

-- Every bounce and complaint report applied to a delivery (written with nextval, one value per row)
create sequence bounce_seq start with 1 increment by 1;

create table bounce (
    id          bigint       primary key,
    owner_id    bigint       not null references app_user (id),
    run_id      bigint       not null references mailing_run (id),
    delivery_id bigint       not null references delivery (id),
    address     varchar(254) not null,      -- as the suppression list keys it
    kind        varchar(10)  not null,      -- HARD, SOFT, COMPLAINT
    status_code varchar(20),
    diagnostic  varchar(1000),
    received_at timestamp with time zone not null
);

create index bounce_owner_address_idx on bounce (owner_id, address, received_at);
create index bounce_run_idx on bounce (run_id, kind);
