package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.team.config.TeamConfig;
import nl.passend.team.domain.ExpertDiscipline;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.domain.TlvAdvice;
import nl.passend.team.domain.TlvRequest;
import nl.passend.team.domain.TlvStatus;
import nl.passend.team.messaging.TeamEvents;
import nl.passend.team.persistence.TlvRequestRepository;

/**
 * TLV requests: the IB'er prepares one with the experts' advices, the director submits it for the
 * board, the SWV of the school decides (the role that decides is configured per SWV), and the
 * decision can be objected to within 6 weeks.
 */
@ApplicationScoped
public class TlvService {

    @Inject
    Clock clock;

    @Inject
    TlvRequestRepository requests;

    @Inject
    PupilDirectory directory;

    @Inject
    TeamGuard guard;

    @Inject
    TeamEvents events;

    @Inject
    TeamConfig config;

    @Inject
    AuditLog audit;

    public record NewAdvice(String expertName, ExpertDiscipline discipline, String registration, LocalDate givenOn,
            String summary) {
        TlvAdvice toAdvice() {
            return new TlvAdvice(UUID.randomUUID(), expertName.trim(), discipline,
                    registration == null || registration.isBlank() ? null : registration.trim(), givenOn, summary);
        }
    }

    public record Decision(TlvOutcome outcome, TlvCategory category, LocalDate startDate, LocalDate endDate,
            String reason, LocalDate decidedOn) {
    }

    /** A new request in preparation (the IB'er); one open request per pupil and school. */
    @Transactional
    public TlvRequest prepare(UUID pupilId, TlvTarget target, String motivation, List<NewAdvice> advices) {
        String role = guard.pupil(pupilId, Roles.IB);
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String swv = directory.school(pupil.schoolCode).map(s -> s.swvCode).orElse(null);
        if (swv == null) {
            throw Problems.conflict("swv-unknown", "the SWV of school " + pupil.schoolCode
                    + " is not known yet; a TLV is requested from the school's SWV");
        }
        if (requests.openFor(pupilId, pupil.schoolCode)) {
            throw Problems.conflict("tlv-open", "the pupil already has a TLV request of this school in preparation or waiting for the SWV");
        }
        List<TlvAdvice> list = new ArrayList<>();
        for (NewAdvice a : advices) {
            TlvAdvice advice = a.toAdvice();
            TeamRules.checkNewAdvice(list, advice);
            list.add(advice);
        }
        TlvRequest t = new TlvRequest();
        t.id = UUID.randomUUID();
        t.pupilId = pupilId;
        t.schoolCode = pupil.schoolCode;
        t.swvCode = swv;
        t.target = target;
        t.motivation = motivation;
        t.advices = list;
        t.status = TlvStatus.DRAFT;
        t.preparedBy = guard.subject();
        t.preparedAt = Instant.now(clock);
        requests.persist(t);
        audit.record(pupilId, role, "team.tlv.prepare", target.name());
        return t;
    }

    /** Adds an advice by an expert who has not advised on this request yet (the IB'er, while in preparation). */
    @Transactional
    public TlvRequest addAdvice(UUID id, ExpectedVersion expected, NewAdvice in) {
        TlvRequest t = requests.lock(id).orElseThrow(() -> Problems.notFound("TLV request " + id));
        String role = staff(t, Roles.IB);
        expected.require(t.version);
        requireDraft(t);
        TlvAdvice advice = in.toAdvice();
        TeamRules.checkNewAdvice(t.advices, advice);
        List<TlvAdvice> list = new ArrayList<>(t.advices);
        list.add(advice);
        t.advices = list;
        requests.flush();
        audit.record(t.pupilId, role, "team.tlv.advice", in.discipline().name());
        return t;
    }

    /** The director submits the request for the board: two advices by different experts, one an orthopedagoog or psycholoog. */
    @Transactional
    public TlvRequest submit(UUID id, ExpectedVersion expected) {
        TlvRequest t = requests.lock(id).orElseThrow(() -> Problems.notFound("TLV request " + id));
        String role = staff(t, Roles.DIRECTOR);
        expected.require(t.version);
        requireDraft(t);
        TeamRules.checkAdvices(t.advices);
        t.status = TlvStatus.SUBMITTED;
        t.submittedBy = guard.subject();
        t.submittedOn = LocalDate.now(clock);
        requests.flush();
        events.tlvRequested(t);
        audit.record(t.pupilId, role, "team.tlv.submit");
        return t;
    }

    /** The SWV decides: the role configured for the SWV (by default its consultant), within that SWV only. */
    @Transactional
    public TlvRequest decide(UUID id, ExpectedVersion expected, Decision in) {
        requireDecidingRole();
        TlvRequest t = requests.lock(id).orElseThrow(() -> Problems.notFound("TLV request " + id));
        String role = config.tlv().deciderRole(t.swvCode);
        if (!guard.mayDecide(t)) {
            if (guard.tlvRole(t).isPresent()) {
                throw Problems.forbidden("TLVs of SWV " + t.swvCode + " are decided by the role " + role);
            }
            throw Problems.notFound("TLV request " + id);
        }
        if (t.status == TlvStatus.DRAFT) {
            throw Problems.notFound("TLV request " + id); // a draft is the school's own until submitted
        }
        expected.require(t.version);
        if (t.status != TlvStatus.SUBMITTED) {
            throw Problems.conflict("tlv-decided", "the SWV decided on " + t.decidedOn + ": " + t.status);
        }
        TeamRules.checkAdvices(t.advices);
        TeamRules.checkTlvDecision(t.target, in.outcome(), in.category(), in.startDate(), in.endDate(), in.reason());
        LocalDate on = in.decidedOn() != null ? in.decidedOn() : LocalDate.now(clock);
        if (on.isBefore(t.submittedOn) || on.isAfter(LocalDate.now(clock))) {
            throw Problems.unprocessable("decided-on-out-of-range",
                    "the decision date lies between the submission (" + t.submittedOn + ") and today");
        }
        t.status = in.outcome() == TlvOutcome.GRANTED ? TlvStatus.GRANTED : TlvStatus.REFUSED;
        t.category = in.category();
        t.startsOn = in.startDate();
        t.endsOn = in.endDate();
        t.refusalReason = in.outcome() == TlvOutcome.REFUSED ? in.reason() : null;
        t.issuingSwvCode = t.swvCode;
        t.decidedBy = guard.subject();
        t.decidedRole = role;
        t.decidedOn = on;
        requests.flush();
        events.tlvDecided(t, in.outcome());
        audit.record(t.pupilId, role, "team.tlv.decide", in.outcome() + (t.category == null ? "" : " " + t.category));
        return t;
    }

    /** An objection to the decision, by the parents or the school's director, within the objection period. */
    @Transactional
    public TlvRequest object(UUID id, ExpectedVersion expected, LocalDate lodgedOn, String grounds) {
        TlvRequest t = requests.lock(id).orElseThrow(() -> Problems.notFound("TLV request " + id));
        String role = guard.tlvRole(t).filter(r -> r.equals(Roles.PARENT) || r.equals(Roles.DIRECTOR))
                .orElseThrow(() -> guard.tlvRole(t).isPresent()
                        ? Problems.forbidden("an objection is lodged by the parents or the school's director")
                        : Problems.notFound("TLV request " + id));
        expected.require(t.version);
        if (t.decidedOn == null) {
            throw Problems.conflict("tlv-not-decided", "an objection is possible once the SWV decided");
        }
        if (t.objectionOn != null) {
            throw Problems.conflict("objection-lodged", "an objection was lodged on " + t.objectionOn);
        }
        if (lodgedOn.isAfter(LocalDate.now(clock))) {
            throw Problems.unprocessable("lodged-in-future", "an objection is recorded on or after the day it was lodged");
        }
        TeamRules.checkObjection(t.decidedOn, lodgedOn, Period.ofDays((int) config.tlv().objectionPeriod().toDays()));
        t.objectionOn = lodgedOn;
        t.objectionGrounds = grounds;
        t.objectionByRole = role;
        requests.flush();
        audit.record(t.pupilId, role, "team.tlv.objection");
        return t;
    }

    @Transactional
    public TlvRequest get(UUID id) {
        TlvRequest t = requests.findByIdOptional(id).orElseThrow(() -> Problems.notFound("TLV request " + id));
        String role = guard.tlvRole(t).orElseThrow(() -> Problems.notFound("TLV request " + id));
        audit.record(t.pupilId, role, "team.tlv.read");
        return t;
    }

    @Transactional
    public List<TlvRequest> ofPupil(UUID pupilId) {
        guard.knownPupil(pupilId);
        List<TlvRequest> visible = new ArrayList<>();
        for (TlvRequest t : requests.ofPupil(pupilId)) {
            guard.tlvRole(t).ifPresent(role -> {
                visible.add(t);
                audit.record(pupilId, role, "team.tlv.read");
            });
        }
        if (visible.isEmpty()) {
            String role = guard.pupilRole(pupilId, Roles.IB, Roles.DIRECTOR, Roles.PARENT)
                    .orElseThrow(() -> Problems.notFound("pupil " + pupilId));
            audit.record(pupilId, role, "team.tlv.list"); // that there are none is about the pupil too
        }
        return visible;
    }

    /** What the SWV has to decide and decided: submitted requests of its schools, for its deciders. */
    @Transactional
    public List<TlvRequest> ofSwv(String swvCode, List<TlvStatus> statuses) {
        requireDecidingRole();
        if (!guard.hasRole(config.tlv().deciderRole(swvCode)) || !guard.swv().map(swvCode::equals).orElse(false)) {
            throw Problems.notFound("SWV " + swvCode);
        }
        List<TlvStatus> wanted = statuses.isEmpty() ? List.of(TlvStatus.SUBMITTED, TlvStatus.GRANTED, TlvStatus.REFUSED)
                : statuses.stream().filter(s -> s != TlvStatus.DRAFT).toList();
        List<TlvRequest> list = wanted.isEmpty() ? List.of() : requests.ofSwv(swvCode, wanted);
        String role = config.tlv().deciderRole(swvCode);
        list.forEach(t -> audit.record(t.pupilId, role, "team.tlv.list"));
        return list;
    }

    /**
     * The SWV's endpoints are for the roles that decide TLVs (the default one and those SWVs
     * configured); any other role may never call them (403), whatever the request or SWV.
     */
    private void requireDecidingRole() {
        Set<String> deciding = new HashSet<>(config.tlv().deciderRoles().values());
        deciding.add(config.tlv().defaultDeciderRole());
        if (deciding.stream().noneMatch(guard::hasRole)) {
            throw Problems.forbidden("TLVs are decided by the SWV, in the role it configured");
        }
    }

    /** The school's staff in the given role for the request's pupil, still at the school that requested. */
    private String staff(TlvRequest t, String role) {
        if (guard.tlvRole(t).isEmpty()) {
            throw Problems.notFound("TLV request " + t.id);
        }
        return guard.pupilRole(t.pupilId, role)
                .filter(r -> guard.knownPupil(t.pupilId).schoolCode.equals(t.schoolCode))
                .orElseThrow(() -> Problems.forbidden("this step of a TLV request is for the school's "
                        + (role.equals(Roles.IB) ? "IB'er" : "director")));
    }

    private static void requireDraft(TlvRequest t) {
        if (t.status != TlvStatus.DRAFT) {
            throw Problems.conflict("tlv-submitted", "the request was submitted; its advices are fixed");
        }
    }
}
