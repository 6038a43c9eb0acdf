-- When consent was asked for a version's action part: every request, since a version in dialogue is
-- asked again after a refusal, expiry or withdrawal. The version keeps only the request that counts
-- now; a read as of a day needs to know from when a version was IN_DIALOGUE and which request
-- counted then.
create table opp_consent_request (
    request_id     uuid primary key,
    plan_id        uuid not null references opp_plan (id),
    version_number integer not null,
    requested_at   timestamptz not null,
    requested_by   text not null
);
create index opp_consent_request_plan on opp_consent_request (plan_id, version_number);

-- The requests made before this table existed: each was audited in its transaction as
-- 'opp.consent.request' with the reason '<plan id> v<number> <request id>'.
insert into opp_consent_request (request_id, plan_id, version_number, requested_at, requested_by)
select split_part(a.reason, ' ', 3)::uuid, p.id, substr(split_part(a.reason, ' ', 2), 2)::integer,
       a.occurred_at, a.actor
  from audit_log a
  join opp_plan p on p.id::text = split_part(a.reason, ' ', 1)
 where a.action = 'opp.consent.request'
   and a.reason ~ '^[0-9a-f-]{36} v[0-9]+ [0-9a-f-]{36}$'
on conflict (request_id) do nothing;

-- A request the audit does not name (none is expected): asked no later than its first decision came back.
insert into opp_consent_request (request_id, plan_id, version_number, requested_at, requested_by)
select v.consent_request_id, v.plan_id, v.number,
       coalesce((select min(d.received_at) from opp_consent_decision d where d.request_id = v.consent_request_id),
                v.created_at),
       v.created_by
  from opp_version v
 where v.consent_request_id is not null
on conflict (request_id) do nothing;
