package nl.passend.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The erased pupils, held in memory for the feed: every event about one of them is skipped. The
 * projector adds a pupil as its erasure comes in; after a failed transaction the set is read again
 * from the database, so that it never holds an erasure that was rolled back.
 */
@ApplicationScoped
public class ErasedPupils {

    @Inject
    FeedJdbc jdbc;

    private final Set<UUID> ids = ConcurrentHashMap.newKeySet();

    /** The live set, for a projector to consult and add to. */
    Set<UUID> ids() {
        return ids;
    }

    /** Reads the erased pupils from the database again. */
    void reload() {
        Set<UUID> stored = new HashSet<>();
        jdbc.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select pupil_id from erased_pupil");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
        });
        ids.retainAll(stored);
        ids.addAll(stored);
    }
}
