-- support-level-service: the support level history per pupil (append-only), the current level per
-- pupil (the row every level change locks), interventions with their pupils and sessions, action
-- plans (handelingsplannen), and what is known of the pupil's OPP (from passend.opp).
-- Pupils, guardians, linked professionals and schools come from the platform's directory (db/directory).

create table level_entry (
    id                uuid primary key,
    seq               bigint generated always as identity unique,
    pupil_id          uuid not null,
    school_code       text not null,
    level             text not null,
    previous_level    text,
    effective_date    date not null,
    reason            text not null,
    domains           jsonb not null,
    decided_by        text not null,              -- who decided: the IB'er, the support team, the BOT
    corrects_entry_id uuid references level_entry (id),
    recorded_by       text not null,
    recorded_role     text not null,
    recorded_at       timestamptz not null
);
create index level_entry_pupil on level_entry (pupil_id, seq);
create unique index level_entry_corrected_once on level_entry (corrects_entry_id) where corrects_entry_id is not null;

-- History is never overwritten: a correction is a new entry that references the one it corrects.
-- The one exception is erasure after the retention period, which says so for its transaction.
create function level_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('passend.erasing', true) = 'yes' then
        return old;
    end if;
    raise exception 'the support level history is append-only';
end;
$$;
create trigger level_entry_no_update before update or delete on level_entry
    for each row execute function level_entry_append_only();

create table pupil_support (
    pupil_id          uuid primary key,
    school_code       text not null,
    current_level     text,
    current_entry_id  uuid,
    level_since       date,
    level4_since      date,                        -- since when the pupil is at LEVEL_4 without a break
    opp_in_force      boolean not null default false,
    version           bigint not null default 0,
    updated_at        timestamptz not null default clock_timestamp()
);
create index pupil_support_school on pupil_support (school_code);
create trigger pupil_support_touch before insert or update on pupil_support
    for each row execute function passend_touch_updated_at();

create table intervention (
    id                 uuid primary key,
    school_code        text not null,
    app_id             text not null,              -- the teacher app's own id: the batch is idempotent on it
    content_hash       text not null,
    domain             text not null,
    level              text not null,
    kind               text not null,
    starts_on          date not null,
    ends_on            date,
    frequency_per_week integer not null,
    minutes_per_session integer not null,
    given_by           text not null,
    effect             text,
    evaluation_note    text,
    evaluated_on       date,
    evaluated_by       text,
    recorded_by        text not null,
    recorded_role      text not null,
    recorded_at        timestamptz not null,
    version            bigint not null default 0,
    updated_at         timestamptz not null default clock_timestamp(),
    unique (school_code, app_id)
);
create trigger intervention_touch before insert or update on intervention
    for each row execute function passend_touch_updated_at();

create table intervention_pupil (
    intervention_id uuid not null references intervention (id),
    pupil_id        uuid not null,
    primary key (intervention_id, pupil_id)
);
create index intervention_pupil_pupil on intervention_pupil (pupil_id);

create table intervention_session (
    id              uuid primary key,
    intervention_id uuid not null references intervention (id),
    app_id          text not null,
    held_on         date not null,
    minutes         integer not null,
    recorded_by     text not null,
    recorded_at     timestamptz not null,
    unique (intervention_id, app_id)
);

create table action_plan (
    id            uuid primary key,
    school_code   text not null,
    domain        text not null,
    goal          text not null,
    approach      text not null,
    starts_on     date not null,
    ends_on       date not null,
    evaluation    text,
    evaluated_on  date,
    ended         boolean not null default false,
    created_by    text not null,
    created_at    timestamptz not null,
    version       bigint not null default 0,
    updated_at    timestamptz not null default clock_timestamp()
);
create index action_plan_school on action_plan (school_code);
create trigger action_plan_touch before insert or update on action_plan
    for each row execute function passend_touch_updated_at();

create table action_plan_pupil (
    action_plan_id uuid not null references action_plan (id),
    pupil_id       uuid not null,
    primary key (action_plan_id, pupil_id)
);
create index action_plan_pupil_pupil on action_plan_pupil (pupil_id);

-- Signals raised (published) and not yet resolved, so each goes out once.
create table support_signal (
    pupil_id    uuid not null,
    kind        text not null,
    domain      text not null default '',          -- '' for signals without a domain
    school_code text not null,
    since       date not null,
    raised_at   timestamptz not null,
    primary key (pupil_id, kind, domain)
);
