package nl.passend.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.events.support.ActionPlanChanged;
import nl.passend.events.support.ExtraSupportStarted;
import nl.passend.events.support.InterventionChanged;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.support.SupportSignal;
import nl.passend.platform.outbox.Outbox;
import nl.passend.support.domain.ActionPlan;
import nl.passend.support.domain.Intervention;
import nl.passend.support.domain.LevelEntry;

/** The events of passend.support, written to the outbox in the caller's transaction. Ids, codes and dates only. */
@ApplicationScoped
public class SupportEvents {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    public void levelChanged(LevelEntry entry) {
        outbox.publish(EventType.SUPPORT_LEVEL_CHANGED, entry.pupilId.toString(), entry.schoolCode,
                new SupportLevelChanged(entry.id, entry.pupilId, entry.schoolCode, entry.level, entry.level.category(),
                        entry.previousLevel, entry.domains, entry.correctsEntryId, entry.effectiveDate));
    }

    /** The move to LEVEL_4: opp-service starts the 6-week OPP clock on it. */
    public void extraSupportStarted(LevelEntry entry) {
        outbox.publish(EventType.EXTRA_SUPPORT_STARTED, entry.pupilId.toString(), entry.schoolCode,
                new ExtraSupportStarted(entry.pupilId, entry.schoolCode, entry.id, entry.effectiveDate));
    }

    /** One event per pupil of the intervention. */
    public void intervention(EventType type, Intervention i, LocalDate effectiveDate) {
        for (UUID pupilId : i.pupils) {
            outbox.publish(type, pupilId.toString(), i.schoolCode, new InterventionChanged(i.id, pupilId, i.schoolCode,
                    i.domain, i.level, i.kind, i.startsOn, i.endsOn, i.effect, effectiveDate));
        }
    }

    /** One event per pupil of the action plan. */
    public void actionPlan(EventType type, ActionPlan plan, LocalDate effectiveDate) {
        for (UUID pupilId : plan.pupils) {
            outbox.publish(type, pupilId.toString(), plan.schoolCode, new ActionPlanChanged(plan.id, pupilId,
                    plan.schoolCode, plan.domain, plan.startsOn, plan.endsOn, effectiveDate));
        }
    }

    public void signal(boolean raised, UUID pupilId, String schoolCode, SupportSignalKind kind, SupportDomain domain,
            LocalDate since) {
        outbox.publish(raised ? EventType.SUPPORT_SIGNAL_RAISED : EventType.SUPPORT_SIGNAL_RESOLVED, pupilId.toString(),
                schoolCode, new SupportSignal(pupilId, schoolCode, kind, domain, since, LocalDate.now(clock)));
    }
}
