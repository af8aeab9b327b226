-- The claim under which a delivery's e-mail was handed to the mail server: written just before the
-- final dot of its DATA, so a delivery found SENDING with handed_claim = claim_id (its instance
-- was killed before the server's answer was recorded) may have reached the server and is not
-- sent again. A delivery claimed again gets a new claim id, which leaves an older mark behind.
alter table delivery add column handed_claim bigint;
