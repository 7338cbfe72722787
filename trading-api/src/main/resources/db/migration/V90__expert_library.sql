-- Expert library (专家库) and the expert draw (专家抽取): specialties as data, library entries with their history,
-- declared conflicts and leave, committee plans, the committed secret of each lot, draws and seats.

-- Two-level specialty codes (专业分类): category letter as in classification_code (A goods, B works, C services),
-- two digits for the first level, two more for the second.
create table expert_specialty (
    code     varchar(10)  primary key,
    parent   varchar(10)  references expert_specialty (code),
    category varchar(10)  not null check (category in ('WORKS', 'GOODS', 'SERVICES')),
    name_zh  varchar(100) not null,
    name_en  varchar(100) not null
);
insert into expert_specialty (code, parent, category, name_zh, name_en) values
 ('B01',   null,  'WORKS', '房屋建筑工程', 'Building construction'),
 ('B0101', 'B01', 'WORKS', '土建工程', 'Civil and structural works'),
 ('B0102', 'B01', 'WORKS', '建筑装饰装修', 'Decoration and fit-out'),
 ('B0103', 'B01', 'WORKS', '给排水与暖通', 'Plumbing, heating and ventilation'),
 ('B0104', 'B01', 'WORKS', '建筑电气与智能化', 'Building electrical and intelligent systems'),
 ('B0105', 'B01', 'WORKS', '钢结构', 'Steel structures'),
 ('B02',   null,  'WORKS', '市政公用工程', 'Municipal works'),
 ('B0201', 'B02', 'WORKS', '道路工程', 'Roads'),
 ('B0202', 'B02', 'WORKS', '桥梁隧道', 'Bridges and tunnels'),
 ('B0203', 'B02', 'WORKS', '给排水管网', 'Water and sewer networks'),
 ('B0204', 'B02', 'WORKS', '燃气热力', 'Gas and district heating'),
 ('B0205', 'B02', 'WORKS', '园林绿化', 'Landscaping'),
 ('B03',   null,  'WORKS', '水利水电工程', 'Water conservancy and hydropower'),
 ('B0301', 'B03', 'WORKS', '水工建筑物', 'Hydraulic structures'),
 ('B0302', 'B03', 'WORKS', '河道整治', 'River training'),
 ('B0303', 'B03', 'WORKS', '农田水利', 'Irrigation'),
 ('B04',   null,  'WORKS', '交通工程', 'Transport works'),
 ('B0401', 'B04', 'WORKS', '公路工程', 'Highways'),
 ('B0402', 'B04', 'WORKS', '轨道交通', 'Rail transit'),
 ('B0403', 'B04', 'WORKS', '港口航道', 'Ports and waterways'),
 ('B05',   null,  'WORKS', '工程经济', 'Construction economics'),
 ('B0501', 'B05', 'WORKS', '工程造价', 'Cost engineering'),
 ('B0502', 'B05', 'WORKS', '工程项目管理', 'Project management'),
 ('A01',   null,  'GOODS', '信息技术设备', 'Information technology equipment'),
 ('A0101', 'A01', 'GOODS', '计算机与服务器', 'Computers and servers'),
 ('A0102', 'A01', 'GOODS', '网络与安全设备', 'Network and security equipment'),
 ('A0103', 'A01', 'GOODS', '软件产品', 'Software products'),
 ('A02',   null,  'GOODS', '医疗设备', 'Medical equipment'),
 ('A0201', 'A02', 'GOODS', '医学影像设备', 'Medical imaging'),
 ('A0202', 'A02', 'GOODS', '检验检测设备', 'Laboratory equipment'),
 ('A0203', 'A02', 'GOODS', '医用耗材', 'Medical consumables'),
 ('A03',   null,  'GOODS', '办公设备与家具', 'Office equipment and furniture'),
 ('A0301', 'A03', 'GOODS', '办公设备', 'Office equipment'),
 ('A0302', 'A03', 'GOODS', '家具用具', 'Furniture'),
 ('A04',   null,  'GOODS', '机电设备', 'Electrical and mechanical equipment'),
 ('A0401', 'A04', 'GOODS', '变配电设备', 'Power distribution'),
 ('A0402', 'A04', 'GOODS', '电梯与起重设备', 'Lifts and cranes'),
 ('A0403', 'A04', 'GOODS', '照明设备', 'Lighting'),
 ('A05',   null,  'GOODS', '车辆与工程机械', 'Vehicles and construction machinery'),
 ('A0501', 'A05', 'GOODS', '公务车辆', 'Official vehicles'),
 ('A0502', 'A05', 'GOODS', '工程机械', 'Construction machinery'),
 ('A06',   null,  'GOODS', '教学科研设备', 'Teaching and research equipment'),
 ('A0601', 'A06', 'GOODS', '教学仪器', 'Teaching instruments'),
 ('A0602', 'A06', 'GOODS', '实验室设备', 'Research laboratory equipment'),
 ('C01',   null,  'SERVICES', '工程咨询服务', 'Engineering consultancy'),
 ('C0101', 'C01', 'SERVICES', '勘察', 'Site investigation'),
 ('C0102', 'C01', 'SERVICES', '设计', 'Design'),
 ('C0103', 'C01', 'SERVICES', '监理', 'Construction supervision'),
 ('C0104', 'C01', 'SERVICES', '全过程工程咨询', 'Whole-process consultancy'),
 ('C02',   null,  'SERVICES', '信息技术服务', 'IT services'),
 ('C0201', 'C02', 'SERVICES', '系统集成', 'System integration'),
 ('C0202', 'C02', 'SERVICES', '运行维护', 'Operation and maintenance'),
 ('C0203', 'C02', 'SERVICES', '信息安全服务', 'Information security services'),
 ('C03',   null,  'SERVICES', '物业管理服务', 'Property management'),
 ('C0301', 'C03', 'SERVICES', '物业管理', 'Facility management'),
 ('C0302', 'C03', 'SERVICES', '保洁与安保', 'Cleaning and security'),
 ('C04',   null,  'SERVICES', '财务与法律服务', 'Financial and legal services'),
 ('C0401', 'C04', 'SERVICES', '审计', 'Audit'),
 ('C0402', 'C04', 'SERVICES', '法律服务', 'Legal services'),
 ('C0403', 'C04', 'SERVICES', '资产评估', 'Asset valuation'),
 ('C05',   null,  'SERVICES', '其他服务', 'Other services'),
 ('C0501', 'C05', 'SERVICES', '培训服务', 'Training'),
 ('C0502', 'C05', 'SERVICES', '印刷出版', 'Printing and publishing');

-- The library entry of an expert member, as it stands now.
create table expert_library (
    member_id     uuid         primary key,
    name          varchar(100) not null,
    email         varchar(200),
    title         varchar(20)  not null,
    years         int          not null check (years >= 0),
    employer_uscc varchar(18),
    region        varchar(6)   not null,
    specialties   varchar(10)[] not null,
    status        varchar(10)  not null check (status in ('ACTIVE', 'SUSPENDED', 'RETIRED')),
    status_reason varchar(500),
    admitted_at   timestamptz  not null,
    updated_at    timestamptz  not null
);

-- Every state of every entry, append-only: the pool of a draw is the library as it stood at the bid deadline.
create table expert_library_version (
    member_id     uuid          not null references expert_library (member_id),
    version       int           not null,
    valid_from    timestamptz   not null,
    title         varchar(20)   not null,
    years         int           not null,
    employer_uscc varchar(18),
    region        varchar(6)    not null,
    specialties   varchar(10)[] not null,
    status        varchar(10)   not null,
    primary key (member_id, version)
);
create index expert_library_version_from_idx on expert_library_version (valid_from, member_id);

-- Companies an expert declares it must avoid (回避单位), with the reason; withdrawn ones are kept.
create table expert_conflict (
    id           uuid         primary key,
    member_id    uuid         not null references expert_library (member_id),
    uscc         varchar(18)  not null,
    reason       varchar(500) not null,
    declared_at  timestamptz  not null,
    withdrawn_at timestamptz
);
create index expert_conflict_uscc_idx on expert_conflict (uscc);

-- Periods an expert is unavailable (请假).
create table expert_leave (
    id          uuid         primary key,
    member_id   uuid         not null references expert_library (member_id),
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null check (ends_at > starts_at),
    reason      varchar(500),
    declared_at timestamptz  not null
);
create index expert_leave_member_idx on expert_leave (member_id);

-- The committee plan of a lot (评标委员会组建方案), frozen when the project is published.
create table expert_plan (
    lot_id                 uuid         primary key,
    project_id             uuid         not null,
    supervising_uscc       varchar(18),
    evaluation_started_at  timestamptz,
    updated_at             timestamptz  not null
);

create table expert_plan_group (
    lot_id    uuid        not null references expert_plan (lot_id) on delete cascade,
    position  int         not null,
    specialty varchar(10) not null references expert_specialty (code),
    region    varchar(6),
    experts   int         not null check (experts >= 1),
    reserves  int         not null check (reserves >= 0),
    primary key (lot_id, position)
);

-- Tenderee representatives, named by the tenderee (at most one third of the committee).
create table expert_plan_representative (
    lot_id   uuid         not null references expert_plan (lot_id) on delete cascade,
    position int          not null,
    name     varchar(100) not null,
    primary key (lot_id, position)
);

-- The secret each lot's draw will use, drawn and committed (SHA-256 logged) when the lot is published.
create table expert_draw_secret (
    lot_id       uuid        primary key,
    project_id   uuid        not null,
    secret       bytea       not null check (length(secret) = 32),
    commitment   char(64)    not null,
    committed_at timestamptz not null
);

-- Each draw of a lot: sequence 0 is the draw, 1, 2, … replacement draws. The signed record is kept whole.
create table expert_draw (
    id            uuid        primary key,
    lot_id        uuid        not null,
    project_id    uuid        not null,
    sequence      int         not null,
    reason        varchar(500),
    record        text        not null,
    record_sha256 char(64)    not null,
    drawn_at      timestamptz not null,
    unique (lot_id, sequence)
);

-- One seat per drawn expert (members and reserves) and its answer.
create table expert_seat (
    id          uuid         primary key,
    lot_id      uuid         not null,
    project_id  uuid         not null,
    draw_id     uuid         not null references expert_draw (id),
    group_index int          not null,
    rank        int          not null,
    expert_id   uuid         not null,
    state       varchar(10)  not null check (state in ('RESERVE', 'INVITED', 'ACCEPTED', 'DECLINED', 'EXPIRED',
                                                        'REPLACED', 'UNUSED')),
    invited_at  timestamptz,
    answer_due  timestamptz,
    answered_at timestamptz,
    reason      varchar(500),
    unique (lot_id, expert_id)
);
create index expert_seat_expert_idx on expert_seat (expert_id, invited_at);
create index expert_seat_project_idx on expert_seat (project_id);
