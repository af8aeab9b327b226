-- E-mails of the service itself (verification, password reset), written in the transaction that
-- causes them and delivered in the background, so no page waits for the SMTP server and none is lost.

create sequence outgoing_mail_seq start with 50 increment by 50;

create table outgoing_mail (
    id              bigint primary key,
    recipient       varchar(254)  not null,
    subject         varchar(255)  not null,
    text_body       text          not null,
    html_body       text,
    created_at      timestamp with time zone not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    failed_at       timestamp with time zone
);

create index outgoing_mail_due_idx on outgoing_mail (next_attempt_at);
