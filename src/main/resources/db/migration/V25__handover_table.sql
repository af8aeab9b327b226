-- The marks written just before the final dot of each e-mail's DATA move from a column of delivery
-- to a narrow table of their own: a mark is then an insert of two numbers, not a new version of the
-- delivery row with an entry in each of its indexes, and the outcome's write deletes it. A delivery
-- SENDING whose id is here under the claim it is SENDING by may have reached the mail server.
-- No foreign key: checking one would lock the delivery's row at every mark.
create table delivery_handover (
    delivery_id bigint primary key,
    claim_id bigint not null
);

insert into delivery_handover (delivery_id, claim_id)
    select id, handed_claim from delivery where state = 'SENDING' and handed_claim = claim_id;

alter table delivery drop column handed_claim;
