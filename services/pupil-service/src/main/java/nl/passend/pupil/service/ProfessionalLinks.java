package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ProfessionalDiscipline;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.domain.ProfessionalLink;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.ProfessionalLinkRepository;

/**
 * The IB'er links a care professional to a pupil (the professional's need to know: they then see
 * this pupil and no other) and unlinks them again. Each link and unlink is published and audited.
 */
@ApplicationScoped
public class ProfessionalLinks {

    @Inject
    Clock clock;

    @Inject
    PupilGuard guard;

    @Inject
    Caller caller;

    @Inject
    ProfessionalLinkRepository links;

    @Inject
    PupilEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public ProfessionalLink link(UUID pupilId, String accountId, ProfessionalDiscipline discipline) {
        Pupil pupil = guard.access(pupilId, "professional.link", Roles.IB).pupil();
        boolean taken = links.ofPupil(pupilId).stream().anyMatch(l -> l.accountId.equals(accountId));
        if (taken) {
            throw Problems.conflict("already-linked", "this professional is already linked to the pupil");
        }
        ProfessionalLink link = new ProfessionalLink();
        link.id = UUID.randomUUID();
        link.pupilId = pupilId;
        link.accountId = accountId;
        link.discipline = discipline;
        link.linkedBy = caller.subject();
        link.linkedAt = Instant.now(clock);
        links.persist(link);
        em.flush();
        events.professional(EventType.PROFESSIONAL_LINKED, pupil, link);
        return link;
    }

    @Transactional
    public void unlink(UUID pupilId, UUID linkId) {
        Pupil pupil = guard.access(pupilId, "professional.unlink", Roles.IB).pupil();
        ProfessionalLink link = links.findById(linkId);
        if (link == null || !link.pupilId.equals(pupilId)) {
            throw Problems.notFound("professional link " + linkId);
        }
        links.delete(link);
        events.professional(EventType.PROFESSIONAL_UNLINKED, pupil, link);
    }
}
