-- Deposits (保证金代收代退): virtual sub-accounts, a double-entry journal, bank statements, refunds and forfeits.
-- Money is numeric(17,2) in CNY. See docs/deposits.md.

-- One virtual sub-account per bidder per lot; number = prefix + 12 digits + ISO 7064 MOD 97-10 check digits.
create table deposit_account (
    number      varchar(34)   primary key,
    lot_id      uuid          not null,
    project_id  uuid          not null,
    member_id   uuid          not null,
    required    numeric(17,2) not null check (required >= 0),
    state       varchar(20)   not null,
    opened_at   timestamptz   not null,
    closed_at   timestamptz,
    unique (lot_id, member_id)
);

-- The journal. A transaction is one movement with an idempotency key; its lines each debit one account and credit
-- another with the same positive amount, so every transaction balances by construction.
create table deposit_txn (
    id              bigserial     primary key,
    idempotency_key varchar(200)  not null unique,
    kind            varchar(30)   not null,
    lot_id          uuid,
    member_id       uuid,
    memo            varchar(400),
    posted_at       timestamptz   not null,
    posted_by       uuid
);

create table deposit_line (
    txn_id  bigint        not null references deposit_txn (id),
    line_no smallint      not null,
    debit   varchar(120)  not null,
    credit  varchar(120)  not null,
    amount  numeric(17,2) not null check (amount > 0),
    primary key (txn_id, line_no),
    check (debit <> credit)
);

-- Append-only: the database refuses UPDATE, DELETE and TRUNCATE on the journal.
create function deposit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'deposit journal is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger deposit_txn_append_only before update or delete on deposit_txn
    for each row execute function deposit_refuse_change();
create trigger deposit_txn_no_truncate before truncate on deposit_txn
    for each statement execute function deposit_refuse_change();
create trigger deposit_line_append_only before update or delete on deposit_line
    for each row execute function deposit_refuse_change();
create trigger deposit_line_no_truncate before truncate on deposit_line
    for each statement execute function deposit_refuse_change();

-- Balances: a projection of the journal (debit positive), kept in step by each posting and rebuildable from it.
create table deposit_balance (
    account varchar(120)  primary key,
    balance numeric(19,2) not null
);

-- Imported statements and their entries; a bank entry reference is imported at most once.
create table deposit_statement (
    id              uuid          primary key,
    format          varchar(20)   not null,
    statement_ref   varchar(200)  not null,
    account         varchar(64)   not null,
    currency        char(3)       not null,
    opening_balance numeric(19,2),
    closing_balance numeric(19,2),
    entries         int           not null,
    new_entries     int           not null,
    ledger_balance  numeric(19,2) not null,
    difference      numeric(19,2),
    imported_at     timestamptz   not null,
    imported_by     uuid
);

create table deposit_bank_entry (
    bank_ref        varchar(200)  primary key,
    statement_id    uuid          not null references deposit_statement (id),
    booked_on       date,
    direction       varchar(4)    not null,
    amount          numeric(17,2) not null check (amount > 0),
    virtual_account varchar(34),
    payer_account   varchar(64),
    payer_name      varchar(200),
    end_to_end_id   varchar(64),
    outcome         varchar(40)   not null,
    difference      numeric(17,2)
);
create index deposit_bank_entry_va_idx on deposit_bank_entry (virtual_account);

-- Suspense: money we cannot attribute (unknown virtual account, payer not the basic account, closed deposit).
create table deposit_suspense (
    bank_ref     varchar(200) primary key references deposit_bank_entry (bank_ref),
    reason       varchar(40)  not null,
    state        varchar(20)  not null,
    resolved_by  uuid,
    resolved_at  timestamptz,
    resolution   varchar(400)
);

-- Dated demand-deposit rate table (活期存款利率), annual percent, effective from a date (Asia/Shanghai).
create table deposit_interest_rate (
    effective_from date         primary key,
    annual_percent numeric(7,4) not null check (annual_percent >= 0)
);
insert into deposit_interest_rate (effective_from, annual_percent) values
    ('2015-10-24', 0.3500), ('2022-09-15', 0.2500), ('2023-06-08', 0.2000), ('2024-07-25', 0.1500),
    ('2024-10-18', 0.1000), ('2025-05-20', 0.0500);

-- Refunds: one per deposit and cause; reopened when the bank returns the payment.
create table deposit_refund (
    id            uuid          primary key,
    account       varchar(34)   not null references deposit_account (number),
    reason        varchar(30)   not null,
    due_by        timestamptz   not null,
    principal     numeric(17,2) not null,
    interest      numeric(17,2) not null,
    payee_account varchar(64)   not null,
    payee_name    varchar(200)  not null,
    state         varchar(20)   not null,
    batch_id      uuid,
    end_to_end_id varchar(35)   not null unique,
    proposed_at   timestamptz   not null,
    paid_at       timestamptz,
    return_reason varchar(200),
    late_alerted  boolean       not null default false
);

create table deposit_refund_batch (
    id          uuid         primary key,
    message_id  varchar(35)  not null unique,
    pain_version varchar(20) not null,
    state       varchar(20)  not null,
    made_by     uuid         not null,
    made_at     timestamptz  not null,
    checked_by  uuid,
    checked_at  timestamptz,
    file        varchar(400)
);

-- Forfeits: proposed by staff, decided by a regulator; never automatic.
create table deposit_forfeit (
    id          uuid         primary key,
    account     varchar(34)  not null references deposit_account (number),
    reason      varchar(400) not null,
    state       varchar(20)  not null,
    proposed_by uuid         not null,
    proposed_at timestamptz  not null,
    decided_by  uuid,
    decided_at  timestamptz
);
