-- The effect the test handler has: one row per handled event.
create table handled_event (
    id       bigint generated always as identity primary key,
    event_id text not null,
    note     text not null
);
