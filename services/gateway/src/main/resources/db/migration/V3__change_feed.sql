-- gateway: the change feed of student information systems (GET /api/v1/schools/{code}/changes).
-- One row per event about a school, written in the transaction that consumed the event (with its inbox entry and
-- its webhook deliveries). No contents: the kind of object, its id, the pupil, what happened, when. seq is the
-- feed's order (the order of arrival) and the vendor's cursor: rows are appended under a transaction-level
-- advisory lock, so that seq is also the order of commit and a cursor never passes a row committing later.
create table change_feed (
    seq          bigint generated always as identity primary key,
    event_id     text not null,
    school_code  text not null,
    kind         text not null,                 -- pupil, enrolment, guardian, opp, case, ... (ChangeKinds)
    object_id    text,                          -- the object's id; null once its pupil is erased
    pupil_id     uuid,                          -- null for an event about no pupil, and once the pupil is erased
    change       text not null check (change in ('UPSERTED', 'DELETED', 'ERASED')),
    version      integer,                       -- when the event carries one (an OPP's version)
    event_type   text not null,                 -- the CloudEvents type, as the webhooks'
    event_time   timestamptz not null,          -- the event's time
    recorded_at  timestamptz not null,
    unique (event_id, school_code)
);
create index change_feed_school on change_feed (school_code, seq);
create index change_feed_pupil on change_feed (pupil_id) where pupil_id is not null;
