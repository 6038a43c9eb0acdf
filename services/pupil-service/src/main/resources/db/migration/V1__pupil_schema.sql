-- pupil-service: SWVs, boards, schools, groups, pupils, guardians, professionals, enrolments.

create table swv (
    code        text primary key,
    name        text not null,
    version     bigint not null default 0,
    updated_at  timestamptz not null default clock_timestamp()
);

create table board (
    code        text primary key,
    name        text not null,
    version     bigint not null default 0,
    updated_at  timestamptz not null default clock_timestamp()
);

create table school (
    code        text primary key,
    name        text not null,
    school_type text not null check (school_type in ('BAO', 'SBO', 'SO')),
    board_code  text not null references board (code),
    swv_code    text not null references swv (code),
    version     bigint not null default 0,
    updated_at  timestamptz not null default clock_timestamp()
);

create table school_group (
    id          uuid primary key,
    school_code text not null references school (code),
    name        text not null,
    year        integer not null check (year between 1 and 8),
    unique (school_code, name)
);

create table pupil (
    id            uuid primary key,
    eck_id        text unique,
    given_name    text not null,
    family_name   text not null,
    birth_date    date not null,
    -- the school of the latest enrolment, its externalId there, and the group
    school_code   text not null references school (code),
    external_id   text not null,
    group_id      uuid references school_group (id),
    status        text not null check (status in ('ACTIVE', 'LEFT')),
    version       bigint not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null default clock_timestamp()
);
create index pupil_sync on pupil (updated_at, id);

create table enrolment (
    id                       uuid primary key,
    pupil_id                 uuid not null references pupil (id) on delete cascade,
    school_code              text not null references school (code),
    external_id              text not null,
    start_date               date not null,
    end_date                 date,
    destination              text,
    destination_school_code  text,
    unique (school_code, external_id),
    check (end_date is null or end_date >= start_date),
    check ((end_date is null) = (destination is null))
);
create index enrolment_pupil on enrolment (pupil_id);
create index enrolment_school on enrolment (school_code, pupil_id);

create table guardian (
    id                      uuid primary key,
    pupil_id                uuid not null references pupil (id) on delete cascade,
    external_id             text not null,
    given_name              text not null,
    family_name             text not null,
    has_parental_authority  boolean not null,
    account_id              text,
    version                 bigint not null default 0,
    unique (pupil_id, external_id)
);
create index guardian_account on guardian (account_id);

create table professional_link (
    id           uuid primary key,
    pupil_id     uuid not null references pupil (id) on delete cascade,
    account_id   text not null,
    discipline   text not null,
    linked_by    text not null,
    linked_at    timestamptz not null,
    unique (pupil_id, account_id)
);
create index professional_account on professional_link (account_id);

create trigger swv_touch before insert or update on swv
    for each row execute function passend_touch_updated_at();
create trigger board_touch before insert or update on board
    for each row execute function passend_touch_updated_at();
create trigger school_touch before insert or update on school
    for each row execute function passend_touch_updated_at();
create trigger pupil_touch before insert or update on pupil
    for each row execute function passend_touch_updated_at();
