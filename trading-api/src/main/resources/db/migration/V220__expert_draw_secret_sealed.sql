-- The draw secret at rest is sealed: CMS AuthEnvelopedData (AES-256-GCM) to the platform's document-signing
-- certificate, opened with its private key (held in the key store under the platform passphrase, never in the
-- database) only when the draw runs. The clear column is kept only for rows written before this version; the platform
-- seals those at start and clears them.
alter table expert_draw_secret add column sealed bytea;
alter table expert_draw_secret alter column secret drop not null;
alter table expert_draw_secret add constraint expert_draw_secret_one_form check ((secret is null) <> (sealed is null));
