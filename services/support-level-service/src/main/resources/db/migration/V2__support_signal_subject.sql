-- The platform's signal ledger keeps every service's raised signals in the same shape: what tells two
-- signals of a kind apart is the "subject" (here the domain of a NO_CHANGE_OF_COURSE signal).
alter table support_signal rename column domain to subject;
