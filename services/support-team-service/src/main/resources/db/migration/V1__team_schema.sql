-- support-team-service: meetings with their attendees, the cases on their agenda with outcome and
-- action items, the consent decisions learned from passend.consent, arrangements, TLV requests with
-- their advices and the SWV's decision, and the signals this service owns.
-- Pupils, guardians and schools come from the platform's directory (db/directory).

create table meeting (
    id              uuid primary key,
    school_code     text not null,
    meeting_type    text not null,
    meeting_date    date not null,
    title           text,
    attendees       jsonb not null,               -- members and participants with function and inside/outside the school
    held            boolean not null default false,
    held_at         timestamptz,
    created_by      text not null,
    created_role    text not null,
    created_at      timestamptz not null,
    version         bigint not null default 0,
    updated_at      timestamptz not null default clock_timestamp()
);
create index meeting_school on meeting (school_code, updated_at, id);
create trigger meeting_touch before insert or update on meeting
    for each row execute function passend_touch_updated_at();

-- A case keeps its pupil id (consent is asked for the pupil), but is shown by name only when
-- put on the agenda by name and, with anyone from outside the school present, consent is GRANTED.
create table team_case (
    id                    uuid primary key,
    meeting_id            uuid not null references meeting (id),
    school_code           text not null,
    pupil_id              uuid not null,
    question              text not null,
    by_name               boolean not null,
    consent_request_id    uuid,                    -- DISCUSS_IN_SUPPORT_TEAM, asked when outsiders take part
    consent_outcome       text,                    -- OPEN, GRANTED, REFUSED, WITHDRAWN, EXPIRED
    consent_outcome_on    date,
    discussed_on          date,                    -- set with the outcome
    discussed_named       boolean,
    discussion            text,
    advice                text,
    decisions             jsonb,
    assessment_request_id uuid,                    -- ASSESSMENT, asked with an ASSESS decision
    assessment_outcome    text,
    outcome_by            text,
    outcome_role          text,
    outcome_at            timestamptz,
    created_by            text not null,
    created_role          text not null,
    created_at            timestamptz not null,
    version               bigint not null default 0,
    updated_at            timestamptz not null default clock_timestamp(),
    unique (meeting_id, pupil_id)
);
create index team_case_pupil on team_case (pupil_id);
create index team_case_school on team_case (school_code, discussed_on);
create index team_case_assessment on team_case (assessment_request_id) where assessment_request_id is not null;
create trigger team_case_touch before insert or update on team_case
    for each row execute function passend_touch_updated_at();

create table action_item (
    id              uuid primary key,
    case_id         uuid not null references team_case (id),
    pupil_id        uuid not null,
    school_code     text not null,
    description     text not null,
    owner_function  text not null,
    due_on          date not null,
    done_on         date,
    done_by         text,
    version         bigint not null default 0,
    updated_at      timestamptz not null default clock_timestamp()
);
create index action_item_open on action_item (school_code, due_on) where done_on is null;
create index action_item_case on action_item (case_id);
create trigger action_item_touch before insert or update on action_item
    for each row execute function passend_touch_updated_at();

-- Every decision learned from passend.consent; applied = it changed the case.
create table case_consent_decision (
    id           uuid primary key,
    case_id      uuid not null references team_case (id),
    request_id   uuid not null,
    purpose      text not null,
    outcome      text not null,
    decided_on   date not null,
    applied      boolean not null,
    received_at  timestamptz not null
);
create index case_consent_decision_case on case_consent_decision (case_id);

create table arrangement (
    id              uuid primary key,
    pupil_id        uuid not null,
    school_code     text not null,
    case_id         uuid references team_case (id),
    kind            text not null,
    funding_source  text not null,
    starts_on       date not null,
    ends_on         date,
    description     text,
    ended           boolean not null default false,
    created_by      text not null,
    created_role    text not null,
    created_at      timestamptz not null,
    version         bigint not null default 0,
    updated_at      timestamptz not null default clock_timestamp(),
    check (ends_on is null or ends_on >= starts_on)
);
create index arrangement_pupil on arrangement (pupil_id);
create trigger arrangement_touch before insert or update on arrangement
    for each row execute function passend_touch_updated_at();

create table tlv_request (
    id                 uuid primary key,
    pupil_id           uuid not null,
    school_code        text not null,
    swv_code           text not null,              -- the SWV of the school: the one asked to decide
    target             text not null,              -- SBO or SO
    motivation         text not null,
    advices            jsonb not null,
    status             text not null,              -- DRAFT, SUBMITTED, GRANTED, REFUSED
    prepared_by        text not null,
    prepared_at        timestamptz not null,
    submitted_by       text,
    submitted_on       date,
    category           text,
    starts_on          date,
    ends_on            date,
    issuing_swv_code   text,
    refusal_reason     text,
    decided_by         text,
    decided_role       text,
    decided_on         date,
    objection_on       date,
    objection_grounds  text,
    objection_by_role  text,
    version            bigint not null default 0,
    updated_at         timestamptz not null default clock_timestamp(),
    check (ends_on is null or ends_on > starts_on)
);
create index tlv_request_pupil on tlv_request (pupil_id);
create index tlv_request_swv on tlv_request (swv_code, status);
-- one request in preparation or waiting for the SWV per pupil and school (a school the pupil moved to starts its own)
create unique index tlv_request_one_open on tlv_request (pupil_id, school_code) where status in ('DRAFT', 'SUBMITTED');
create trigger tlv_request_touch before insert or update on tlv_request
    for each row execute function passend_touch_updated_at();

-- The signals raised and not yet resolved: each is published once as raised and once as resolved.
create table team_signal (
    pupil_id     uuid not null,
    kind         text not null,
    subject      text not null,                   -- the action item for ACTION_ITEM_OVERDUE, '' otherwise
    school_code  text not null,
    since        date not null,
    raised_at    timestamptz not null,
    primary key (pupil_id, kind, subject)
);
