-- Platform documents: rendered, PAdES-signed and timestamped PDFs. Issued documents never change.
create table signed_document (
    id          uuid primary key,
    kind        varchar(40)  not null,
    subject_id  uuid,
    owner_id    uuid,
    visibility  varchar(10)  not null check (visibility in ('PUBLIC', 'OWNER', 'STAFF')),
    title       varchar(300) not null,
    sha256      char(64)     not null,
    size        bigint       not null,
    pdf         bytea        not null,
    signer      varchar(300) not null,
    issued_at   timestamptz  not null
);
create index signed_document_subject_idx on signed_document (subject_id);
create index signed_document_owner_idx on signed_document (owner_id);

create function signed_document_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'signed documents are immutable (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger signed_document_no_update before update or delete on signed_document
    for each row execute function signed_document_immutable();
create trigger signed_document_no_truncate before truncate on signed_document
    for each statement execute function signed_document_immutable();
