package nl.passend.opp.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;
import nl.passend.platform.consent.ConsentRequests;
import nl.passend.platform.outbox.Outbox;

/** The events of passend.opp, written to the outbox in the caller's transaction. Ids, codes and dates only. */
@ApplicationScoped
public class OppEvents {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ConsentRequests consents;

    /** A change of the version's status (or, for CONSENT_WITHDRAWN, of the plan's standing). */
    public void changed(EventType type, OppPlan plan, OppVersion version, LocalDate effectiveDate) {
        outbox.publish(type, plan.pupilId.toString(), plan.schoolCode,
                new OppChanged(plan.id, plan.pupilId, plan.schoolCode, version.number, version.status,
                        version.expectedDestination, plan.closeReason, effectiveDate));
    }

    /** The request for the parents' consent to the action part of this version: consent-service takes it from here. */
    public void consentRequested(OppPlan plan, OppVersion version, UUID requestId, LocalDate effectiveDate) {
        consents.ask(EventType.OPP_CONSENT_REQUESTED, requestId, ConsentPurpose.OPP_ACTION_PART, plan.pupilId,
                plan.schoolCode, new SubjectRef(ConsentSubjectType.OPP, plan.id, version.number), effectiveDate);
    }

    public void overdue(UUID pupilId, String schoolCode, UUID planId, OppDueKind kind, LocalDate dueDate,
            boolean resolved) {
        outbox.publish(resolved ? EventType.OPP_OVERDUE_RESOLVED : EventType.OPP_OVERDUE, pupilId.toString(), schoolCode,
                new OppOverdue(pupilId, schoolCode, planId, kind, dueDate, LocalDate.now(clock)));
    }
}
