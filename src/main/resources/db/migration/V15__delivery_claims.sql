-- Each claim of deliveries gets an id of its own. An instance sends a delivery, renews its lease
-- and records its outcome only while the delivery is still SENDING under that claim and that
-- instance: once a lease has ended and another claim has taken the delivery, the first holder
-- neither sends it nor records it.
create sequence delivery_claim_seq start with 1 increment by 1;
alter table delivery add column claim_id bigint;
