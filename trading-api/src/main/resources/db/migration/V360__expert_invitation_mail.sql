-- Invitation mails owed, sent by a background sender (issue 15, docs/expert-draw.md "Invitation mails").
--
-- The seat row is the durable record of an invitation (state INVITED, answer_due); the mail it owes is kept on the
-- same row, written by the statement that invites the seat (the draw's insert of its seats, a promotion's update), so
-- the draw's or promotion's commit makes the mail owed with no statement more on the draw's path, and a node dying
-- after the commit leaves it owed for the sender of any node. The sender claims owed rows with FOR UPDATE SKIP LOCKED
-- and moves mail_next_at ahead by a lease while it talks SMTP (outside any transaction), so two nodes do not send one
-- mail twice; a failure moves it ahead by a backoff, and after the last attempt it is cleared with mail_error kept
-- for staff (the seat stays INVITED). A seat answered, expired or past its window is no longer owed a mail.
--   mail_next_at  when the mail is owed next (null: nothing owed)
--   mail_attempts how many times a sender took it
--   mailed_at     when it was handed to the mail server
--   mail_error    why the last attempt failed or why the mail was given up
-- Seats invited before this version were mailed on the request thread after their commit: none is owed.
alter table expert_seat
    add column mail_next_at  timestamptz,
    add column mail_attempts int not null default 0,
    add column mailed_at     timestamptz,
    add column mail_error    varchar(500);

create index expert_seat_mail_owed_idx on expert_seat (mail_next_at) where mail_next_at is not null;
