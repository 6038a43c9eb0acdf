package nl.passend.pupil.service;

import java.util.List;
import java.util.UUID;

/** What a batch upsert did, in total and per pupil in the order sent. */
public record SyncResult(int created, int updated, int unchanged, List<Item> items) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** One pupil of the batch: the system's externalId, Passend's pupil id, and what happened. */
    public record Item(String externalId, UUID pupilId, Outcome outcome) {
    }

    static SyncResult of(List<Item> items) {
        int created = count(items, Outcome.CREATED);
        int updated = count(items, Outcome.UPDATED);
        return new SyncResult(created, updated, items.size() - created - updated, List.copyOf(items));
    }

    private static int count(List<Item> items, Outcome outcome) {
        return (int) items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
