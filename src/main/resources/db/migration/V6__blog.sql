-- The blog: articles written by administrators and shown on the public pages and the home page.
-- Images are stored apart, so lists never load their bytes; an image never changes once stored,
-- which lets browsers keep it for a year.

create sequence article_image_seq start with 50 increment by 50;

create table article_image (
    id           bigint primary key,
    content_type varchar(20) not null,  -- image/png, image/jpeg or image/webp, from the content
    data         bytea       not null,
    created_at   timestamp with time zone not null
);

create sequence article_seq start with 50 increment by 50;

create table article (
    id           bigint primary key,
    title        varchar(200)  not null,
    content      text          not null,  -- sanitized HTML
    excerpt      varchar(300)  not null,  -- plain text of the start of the content
    image_id     bigint references article_image (id),
    published    boolean       not null,
    published_at timestamp with time zone,  -- first publication; the public order
    views        bigint        not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null default 0
);

create index article_published_idx on article (published, published_at, id);
create index article_image_idx on article (image_id);
