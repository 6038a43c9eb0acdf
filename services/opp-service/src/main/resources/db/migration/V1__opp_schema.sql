-- opp-service: OPPs with their versions (perspective, action part and goals as one document per
-- version), evaluations, the pupil's and parents' views, linked documents, the consent decisions
-- learned from passend.consent, and the OPP clock (what is due by when). Pupils, guardians, linked
-- professionals and schools come from the platform's pupil directory (db/directory).

create table opp_plan (
    id                   uuid primary key,
    pupil_id             uuid not null,
    school_code          text not null,
    current_version      integer not null,
    status               text not null,             -- the current version's status
    in_force_version     integer,                   -- the latest established version
    first_established_on date,                      -- ROD: start
    in_force_since       date,                      -- when the version in force was established
    last_evaluated_on    date,
    closed_on            date,                      -- ROD: end
    close_reason         text,
    attention            text,                      -- e.g. CONSENT_WITHDRAWN: for the IB'er
    evaluation_signalled_due date,                  -- the evaluation due date an overdue event went out for
    created_by           text not null,
    created_at           timestamptz not null,
    version              bigint not null default 0,
    updated_at           timestamptz not null default clock_timestamp()
);
create index opp_plan_pupil on opp_plan (pupil_id);
create index opp_plan_school_status on opp_plan (school_code, status);
create trigger opp_plan_touch before insert or update on opp_plan
    for each row execute function passend_touch_updated_at();

create table opp_version (
    id                   uuid primary key,
    plan_id              uuid not null references opp_plan (id),
    number               integer not null,
    status               text not null,
    content              jsonb not null,            -- perspective, action part, goals
    expected_destination text not null,
    destination_decided_on   date,                  -- commissie van begeleiding (SO/SBO)
    destination_decision_ref text,
    consent_request_id   uuid,                      -- the request that counts for this version
    consent_outcome      text,
    consent_outcome_on   date,
    established_by       text,
    established_role     text,
    established_at       timestamptz,
    superseded_at        timestamptz,
    created_by           text not null,
    created_at           timestamptz not null,
    unique (plan_id, number)
);

-- A version's content is frozen once it leaves DRAFT: changing it means a new version.
create function opp_version_frozen() returns trigger language plpgsql as $$
begin
    if old.status <> 'DRAFT' and (new.content is distinct from old.content
            or new.expected_destination is distinct from old.expected_destination) then
        raise exception 'OPP version % of plan % is no longer a draft: its content cannot change', old.number, old.plan_id;
    end if;
    return new;
end;
$$;
create trigger opp_version_no_edit before update on opp_version
    for each row execute function opp_version_frozen();

create table opp_evaluation (
    id            uuid primary key,
    plan_id       uuid not null references opp_plan (id),
    version_number integer not null,
    evaluated_on  date not null,
    goal_progress jsonb not null,
    changes       text,
    recorded_by   text not null,
    recorded_role text not null,
    recorded_at   timestamptz not null
);
create index opp_evaluation_plan on opp_evaluation (plan_id, evaluated_on);

-- Hoorrecht: the pupil's and the parents' views, per version and per evaluation. Appended, never edited.
create table opp_view (
    id             uuid primary key,
    plan_id        uuid not null references opp_plan (id),
    version_number integer not null,
    evaluation_id  uuid references opp_evaluation (id),
    kind           text not null,
    text           text not null,
    recorded_by    text not null,
    recorded_role  text not null,
    recorded_at    timestamptz not null
);
create index opp_view_plan on opp_view (plan_id, version_number);

create table opp_document (
    id        uuid primary key,
    plan_id   uuid not null references opp_plan (id),
    title     text not null,
    kind      text not null,
    uri       text not null,
    added_by  text not null,
    added_at  timestamptz not null
);
create index opp_document_plan on opp_document (plan_id);

-- Every OPP_ACTION_PART decision learned from passend.consent, whether it changed anything or not.
create table opp_consent_decision (
    id             uuid primary key,
    plan_id        uuid not null references opp_plan (id),
    version_number integer not null,
    request_id     uuid not null,
    outcome        text not null,
    decided_on     date not null,
    applied        boolean not null,
    received_at    timestamptz not null
);
create index opp_consent_decision_plan on opp_consent_decision (plan_id, version_number);

-- SHARE_WITH_SWV decisions per pupil: an SWV consultant reads the OPP while the latest is GRANTED.
create table pupil_share_consent (
    request_id  uuid primary key,
    pupil_id    uuid not null,
    outcome     text not null,
    decided_at  timestamptz not null
);
create index pupil_share_consent_pupil on pupil_share_consent (pupil_id, decided_at desc);

-- The OPP clock: an OPP is due 6 weeks after the start of extra support or of an SBO/SO enrolment.
create table opp_due (
    id             uuid primary key,
    pupil_id       uuid not null,
    school_code    text not null,
    reason         text not null,
    source_ref     text not null unique,         -- what started it, so a redelivery or a repeat adds nothing
    start_date     date not null,
    due_date       date not null,
    fulfilled_on   date,
    dropped_on     date,                         -- the pupil left before an OPP was due
    signalled_at   timestamptz,
    recorded_by    text not null,
    recorded_at    timestamptz not null
);
create index opp_due_open on opp_due (school_code, due_date) where fulfilled_on is null and dropped_on is null;
create index opp_due_pupil on opp_due (pupil_id);

-- One open plan per pupil: it is revised by new versions, not duplicated (two parallel creates: one wins).
create unique index opp_plan_one_open on opp_plan (pupil_id) where status <> 'CLOSED';
