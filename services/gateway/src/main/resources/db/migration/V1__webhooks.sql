-- gateway: the webhook subscriptions of student information systems and their deliveries.
-- (The platform's migrations add the inbox of consumed events; the outbox and audit tables stay empty here.)

-- A client's subscription: which event types of which schools go to which callback URL.
create table webhook_subscription (
    id                    uuid primary key,
    owner                 text not null,          -- the OAuth client that made it: client:<azp> (ClientIds)
    callback_url          text not null,
    event_types           text[] not null,        -- CloudEvents types, e.g. nl.passend.pupil.enrolled.v1
    school_codes          text[] not null,
    secret                text not null,          -- the signing secret, encrypted (SecretBox)
    previous_secret       text,                   -- the one before the last rotation, encrypted, still signing
    previous_secret_until timestamptz,            -- until then
    status                text not null check (status in ('ACTIVE', 'FAILING')),
    failing_since         timestamptz,
    failing_reason        text,
    version               bigint not null default 0,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index webhook_subscription_owner on webhook_subscription (owner, created_at);

-- One event for one subscription, written in the transaction that consumed the event (with its inbox entry).
-- seq orders the deliveries of one key (the pupil, for everything about one pupil) as the events arrived.
create table webhook_delivery (
    seq              bigint generated always as identity primary key,
    id               uuid not null unique,        -- also the correlation id of every attempt
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_id         text not null,
    event_type       text not null,
    event_key        text not null,               -- the event's subject = its Kafka key
    school_code      text not null,
    payload          text not null,               -- the CloudEvent as JSON, exactly as it is sent
    status           text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    locked_until     timestamptz,                 -- an attempt is under way (a worker's lease)
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    unique (subscription_id, event_id)
);
-- the oldest pending delivery of each (subscription, key) is the only one that may go
create index webhook_delivery_pending_key on webhook_delivery (subscription_id, event_key, seq) where status = 'PENDING';
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_recent on webhook_delivery (subscription_id, seq desc);
create index webhook_delivery_key on webhook_delivery (event_key);
