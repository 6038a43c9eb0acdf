-- The pupil directory: what a service that consumes passend.pupil knows of schools, pupils,
-- guardians and linked professionals. Ids, codes, dates and logins only; never a name.
-- A service opts in with passend.directory.enabled=true and the Flyway location db/directory.

create table directory_school (
    code        text primary key,
    school_type text not null,
    board_code  text,
    swv_code    text
);

create table directory_pupil (
    id                  uuid primary key,
    school_code         text not null,
    enrolled_on         date,
    left_on             date,
    leaving_destination text
);
create index directory_pupil_school on directory_pupil (school_code);

-- A guardian: parental authority (gezag) and login (accountId, null until linked).
create table directory_guardian (
    id                     uuid primary key,
    pupil_id               uuid not null,
    account_id             text,
    has_parental_authority boolean not null
);
create index directory_guardian_pupil on directory_guardian (pupil_id);
create index directory_guardian_account on directory_guardian (account_id);

-- A care professional the IB'er linked to a pupil (need to know), by login.
create table directory_professional (
    link_id    uuid primary key,
    pupil_id   uuid not null,
    account_id text not null,
    discipline text
);
create index directory_professional_pupil on directory_professional (pupil_id, account_id);
