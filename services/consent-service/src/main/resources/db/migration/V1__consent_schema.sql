-- consent-service: a local copy of pupils and guardians (from passend.pupil), the consent requests,
-- the guardians each request needs, and the append-only ledger of answers and withdrawals.

-- What consent-service knows of a pupil: its school, from passend.pupil. Never a name.
create table pupil (
    id          uuid primary key,
    school_code text not null
);

-- A guardian of a pupil: whether it has parental authority (gezag) and its login (accountId).
create table guardian (
    id                     uuid primary key,
    pupil_id               uuid not null,
    account_id             text,
    has_parental_authority boolean not null
);
create index guardian_pupil on guardian (pupil_id);
create index guardian_account on guardian (account_id);

create table consent_request (
    id              uuid primary key,          -- the requester's requestId
    purpose         text not null,
    pupil_id        uuid not null,
    school_code     text not null,
    subject_type    text not null,
    subject_id      uuid not null,
    subject_version integer not null,
    requested_by    text not null,             -- the requesting service's event source, or the staff member
    requested_at    timestamptz not null,
    expires_at      timestamptz not null,
    outcome         text not null,
    outcome_at      timestamptz,
    version         bigint not null default 0,
    updated_at      timestamptz not null default clock_timestamp()
);
create index consent_request_pupil on consent_request (pupil_id);
create index consent_request_school_outcome on consent_request (school_code, outcome);
create index consent_request_subject on consent_request (subject_type, subject_id, purpose);
create index consent_request_expiry on consent_request (expires_at) where outcome = 'OPEN';
create trigger consent_request_touch before insert or update on consent_request
    for each row execute function passend_touch_updated_at();

-- The guardians whose answer a request needs: every guardian with parental authority while it is open.
create table consent_required_guardian (
    request_id  uuid not null references consent_request (id),
    guardian_id uuid not null,
    added_at    timestamptz not null default clock_timestamp(),
    primary key (request_id, guardian_id)
);
create index consent_required_guardian_guardian on consent_required_guardian (guardian_id);

-- The ledger: every answer (GIVEN, REFUSED) and withdrawal, with time, channel and who recorded it.
-- Append-only: the latest entry of a guardian counts; nothing is ever updated.
create table consent_entry (
    id            uuid primary key,
    seq           bigint generated always as identity unique,
    request_id    uuid not null references consent_request (id),
    guardian_id   uuid not null,
    kind          text not null,
    channel       text not null,
    recorded_by   text not null,
    recorded_role text not null,
    recorded_at   timestamptz not null
);
create index consent_entry_request on consent_entry (request_id, seq);

create function consent_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the consent ledger is append-only';
end;
$$;
create trigger consent_entry_no_update before update on consent_entry
    for each row execute function consent_entry_append_only();
