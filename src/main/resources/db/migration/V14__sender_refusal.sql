-- Why the sending engine paused a mailing: the mail server refused its sender (a 5xx to MAIL FROM
-- or to the login), and sending waits until the owner resumes it. Null when the owner paused it.
alter table mailing add column paused_reason varchar(500);
