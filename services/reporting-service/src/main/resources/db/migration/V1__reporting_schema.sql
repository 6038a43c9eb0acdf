-- reporting-service: projections of every topic, holding pseudonymous ids, codes and dates only.
-- Every projection is idempotent by its own key (a redelivered event rewrites the same row) and
-- independent of arrival order (each event writes only the facts it carries; state is read back by
-- effective date and recorded time). Replaying the topics truncates and refills them.

-- Where the feed is in each topic partition, written in the transaction of the batch it read.
create table feed_position (
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (topic, partition)
);

-- Pupils erased in pupil-service: their rows are gone and later events about them are skipped.
-- Survives a rebuild, so that a replay skips them too.
create table erased_pupil (
    pupil_id  uuid primary key,
    erased_on date not null
);

create table school (
    school_code text primary key,
    school_type text,
    board_code  text,
    swv_code    text,
    recorded_at timestamptz not null
);
create index school_swv on school (swv_code);
create index school_board on school (board_code);

create table enrolment (
    enrolment_id            uuid primary key,
    pupil_id                uuid not null,
    school_code             text not null,
    start_date              date,
    end_date                date,
    destination             text,
    destination_school_code text
);
create index enrolment_school on enrolment (school_code);
create index enrolment_pupil on enrolment (pupil_id);

create table level_change (
    change_id          uuid primary key,
    pupil_id           uuid not null,
    school_code        text not null,
    level              text not null,
    corrects_change_id uuid,
    effective_date     date not null,
    recorded_at        timestamptz not null
);
create index level_change_pupil on level_change (pupil_id, effective_date);
create index level_change_corrects on level_change (corrects_change_id) where corrects_change_id is not null;

create table opp_event (
    event_id       text primary key,
    plan_id        uuid not null,
    pupil_id       uuid not null,
    school_code    text not null,
    status         text not null,
    effective_date date not null
);
create index opp_event_school on opp_event (school_code, plan_id);
create index opp_event_pupil on opp_event (pupil_id);

create table arrangement (
    arrangement_id uuid primary key,
    pupil_id       uuid not null,
    school_code    text not null,
    kind           text not null,
    funding_source text,
    start_date     date not null,
    end_date       date,
    recorded_at    timestamptz not null
);
create index arrangement_school on arrangement (school_code);
create index arrangement_pupil on arrangement (pupil_id);

-- A TLV: the request's facts from tlv-requested, the decision's from tlv-decided, in either order.
create table tlv (
    tlv_id           uuid primary key,
    pupil_id         uuid not null,
    school_code      text not null,
    swv_code         text,
    target           text,
    requested_on     date,
    outcome          text,
    category         text,
    issuing_swv_code text,
    start_date       date,
    end_date         date,
    decided_on       date
);
create index tlv_school on tlv (school_code);
create index tlv_pupil on tlv (pupil_id);
create index tlv_issuing on tlv (issuing_swv_code);

create table case_discussed (
    case_id      uuid primary key,
    meeting_id   uuid not null,
    pupil_id     uuid,
    school_code  text not null,
    meeting_type text not null,
    discussed_on date not null
);
create index case_discussed_school on case_discussed (school_code, discussed_on);
create index case_discussed_pupil on case_discussed (pupil_id);

-- The signals their owners raise and resolve; kind names the owner's signal, signal_key what it is about.
create table signal_event (
    event_id       text primary key,
    pupil_id       uuid not null,
    school_code    text not null,
    kind           text not null,
    signal_key     text not null,
    raised         boolean not null,
    effective_date date not null,
    recorded_at    timestamptz not null
);
create index signal_event_school on signal_event (school_code, kind);
create index signal_event_pupil on signal_event (pupil_id);

create table consent_decision (
    event_id       text primary key,
    request_id     uuid not null,
    pupil_id       uuid not null,
    school_code    text,
    purpose        text not null,
    outcome        text not null,
    effective_date date not null
);
create index consent_decision_school on consent_decision (school_code, effective_date);
create index consent_decision_pupil on consent_decision (pupil_id);

-- The rebuilds asked for, with their progress.
create table rebuild (
    id             uuid primary key,
    requested_by   text not null,
    requested_at   timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    events_total   bigint,
    events_applied bigint not null default 0,
    state          text not null
);

-- Reports an SWV published: frozen aggregates that stay as they were, whatever is erased later.
create table publication (
    id           uuid primary key,
    swv_code     text not null,
    school_year  text not null,
    count_date   text not null,
    published_at timestamptz not null,
    published_by text not null,
    report       jsonb not null,
    unique (swv_code, school_year, count_date)
);
-- One rebuild at a time, even when two are asked for at once.
create unique index rebuild_one_unfinished on rebuild ((true)) where state <> 'FINISHED';
