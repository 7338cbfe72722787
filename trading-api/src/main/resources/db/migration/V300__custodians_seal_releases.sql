-- Custodians seal their released share to the session key themselves (issue 18): the platform publishes, with each
-- session key, a binding (lot, key id, the certificate's SHA-256) signed by its document signer, which the custodian's
-- client checks before sealing. Keys made before this have none: they are retired and made again when next needed.
alter table opening_session_key add column binding text;
alter table opening_session_key add column binding_signature bytea;
