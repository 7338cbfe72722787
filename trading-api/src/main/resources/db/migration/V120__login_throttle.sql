-- Password failures are throttled per (user name, address) and per address, counted from login_attempt.
create index login_attempt_name_ip_idx on login_attempt (lower(username), client_ip, at);
create index login_attempt_ip_idx on login_attempt (client_ip, at);
-- A certificate-login challenge is issued for every name, existing or not, so that issuing one reveals nothing;
-- one issued for a name without a member account is bound to no account and can never be answered.
alter table login_challenge alter column account_id drop not null;
