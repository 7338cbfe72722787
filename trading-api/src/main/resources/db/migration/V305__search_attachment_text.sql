-- Text extracted (PDFBox) from a notice's public attachments when the notice is first indexed, so that rebuilding the
-- search index reads it instead of parsing every PDF again. Derived data: it may be deleted and is then extracted anew.
create table search_attachment_text (
    notice_id    uuid        primary key references notice (id),
    text         text        not null,
    documents    integer     not null check (documents >= 0),
    extracted_at timestamptz not null
);
