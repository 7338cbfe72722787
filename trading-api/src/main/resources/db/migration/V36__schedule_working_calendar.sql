-- Public holidays and adjusted working days (调休) of mainland China. A day not listed follows the week:
-- Monday to Friday work, Saturday and Sunday rest. HOLIDAY rows are days off, WORKDAY rows are weekend days worked.
-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). 2027: statutory holidays only, provisional until the
-- State Council publishes its arrangement (expected around November 2026); update the rows then and clear the flag.
CREATE TABLE schedule_calendar_day
(
    day         DATE PRIMARY KEY,
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name        VARCHAR(50)  NOT NULL,
    provisional BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE schedule_calendar_year
(
    year        INTEGER PRIMARY KEY,
    provisional BOOLEAN      NOT NULL,
    source      VARCHAR(300) NOT NULL
);

INSERT INTO schedule_calendar_year (year, provisional, source) VALUES
    (2026, FALSE, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）'),
    (2027, TRUE, '《全国年节及纪念日放假办法》法定假日；调休安排待国务院办公厅公布');

INSERT INTO schedule_calendar_day (day, kind, name, provisional)
SELECT d::date, 'HOLIDAY', n, FALSE FROM (VALUES
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) AS h(f, t, n), generate_series(f::date, t::date, INTERVAL '1 day') AS d;

INSERT INTO schedule_calendar_day (day, kind, name, provisional) VALUES
    ('2026-01-04', 'WORKDAY', '元旦调休上班', FALSE),
    ('2026-02-14', 'WORKDAY', '春节调休上班', FALSE),
    ('2026-02-28', 'WORKDAY', '春节调休上班', FALSE),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班', FALSE),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班', FALSE),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班', FALSE);

-- 2027 statutory days (provisional): 元旦 1 Jan; 春节 除夕 5 Feb to 初三 8 Feb; 清明 5 Apr; 劳动节 1–2 May;
-- 端午 9 Jun; 中秋 15 Sep; 国庆 1–3 Oct.
INSERT INTO schedule_calendar_day (day, kind, name, provisional) VALUES
    ('2027-01-01', 'HOLIDAY', '元旦', TRUE),
    ('2027-02-05', 'HOLIDAY', '春节', TRUE),
    ('2027-02-06', 'HOLIDAY', '春节', TRUE),
    ('2027-02-07', 'HOLIDAY', '春节', TRUE),
    ('2027-02-08', 'HOLIDAY', '春节', TRUE),
    ('2027-04-05', 'HOLIDAY', '清明节', TRUE),
    ('2027-05-01', 'HOLIDAY', '劳动节', TRUE),
    ('2027-05-02', 'HOLIDAY', '劳动节', TRUE),
    ('2027-06-09', 'HOLIDAY', '端午节', TRUE),
    ('2027-09-15', 'HOLIDAY', '中秋节', TRUE),
    ('2027-10-01', 'HOLIDAY', '国庆节', TRUE),
    ('2027-10-02', 'HOLIDAY', '国庆节', TRUE),
    ('2027-10-03', 'HOLIDAY', '国庆节', TRUE);
