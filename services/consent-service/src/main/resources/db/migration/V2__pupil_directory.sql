-- Pupils and guardians are now kept in the platform's pupil directory (db/directory): move what is
-- known into it and drop the service's own copy.
insert into directory_pupil (id, school_code) select id, school_code from pupil on conflict do nothing;
insert into directory_guardian (id, pupil_id, account_id, has_parental_authority)
    select id, pupil_id, account_id, has_parental_authority from guardian on conflict do nothing;
drop table guardian;
drop table pupil;
