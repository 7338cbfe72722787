-- The contract notice (合同订立公告): published when the tenderee uploads the signed contract; its OCDS release carries
-- `contracts`. (V190 redefines the same constraint later and lists CONTRACT as well.)
alter table notice drop constraint notice_kind_known;
alter table notice add constraint notice_kind_known check (kind in ('TENDER_ANNOUNCEMENT','CLARIFICATION',
    'OPENING_RECORD','CANDIDATE_PUBLICITY','AWARD','CONTRACT','FAILED_TENDER','TERMINATION'));
