-- Tables every Passend service has: the outbox, the inbox of processed events, the audit log,
-- and the trigger function that stamps updated_at for delta sync (see SyncHorizon).

create table outbox_event (
    seq         bigint generated always as identity primary key,
    event_id    uuid not null unique,
    topic       text not null,
    event_key   text not null,
    event_type  text not null,
    envelope    text not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

create table inbox_event (
    event_id     text primary key,
    topic        text not null,
    processed_at timestamptz not null
);

create table audit_log (
    id          uuid primary key,
    occurred_at timestamptz not null,
    actor       text not null,
    actor_role  text not null,
    pupil_id    uuid not null,
    action      text not null,
    reason      text
);
create index audit_log_pupil on audit_log (pupil_id, occurred_at desc);

-- Stamps the time of the write itself (not of the transaction's start): a delta sync reads only
-- below the start of the oldest open transaction, so no row can commit behind its cursor.
create function passend_touch_updated_at() returns trigger language plpgsql as $$
begin
    new.updated_at := clock_timestamp();
    return new;
end;
$$;
