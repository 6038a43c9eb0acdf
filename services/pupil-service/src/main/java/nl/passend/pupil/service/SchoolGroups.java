package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.persistence.SchoolGroupRepository;

/**
 * A school's groups (classes) as the student information system names them: a group is known by its
 * name at the school, created the first time a pupil is placed in it, and takes the year last sent.
 */
@ApplicationScoped
public class SchoolGroups {

    @Inject
    SchoolGroupRepository groups;

    /** The school's groups by name, for placing many pupils at once (see {@link #place}). */
    public Map<String, SchoolGroup> byName(String schoolCode) {
        return groups.ofSchool(schoolCode).stream().collect(Collectors.toMap(g -> g.name, Function.identity()));
    }

    /** The group a pupil is placed in, created when new; null for none. */
    public SchoolGroup place(String schoolCode, GroupPlacement placement) {
        return placement == null ? null : place(schoolCode, placement, byName(schoolCode));
    }

    /** As {@link #place(String, GroupPlacement)}, with the school's groups by name read once and kept up to date. */
    public SchoolGroup place(String schoolCode, GroupPlacement placement, Map<String, SchoolGroup> byName) {
        if (placement == null) {
            return null;
        }
        SchoolGroup group = byName.get(placement.name());
        if (group == null) {
            group = new SchoolGroup();
            group.id = UUID.randomUUID();
            group.schoolCode = schoolCode;
            group.name = placement.name();
            group.year = placement.year();
            groups.persist(group);
            byName.put(group.name, group);
        } else if (group.year != placement.year()) {
            group.year = placement.year();
        }
        return group;
    }

    /** The pupil's group; null when it has none. */
    public SchoolGroup of(Pupil pupil) {
        return pupil.groupId == null ? null : groups.findById(pupil.groupId);
    }
}
