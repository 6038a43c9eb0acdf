package nl.passend.pupil.service;

import java.util.List;
import nl.passend.platform.http.Cursor;

/** A page of a school's pupils, the position after it, and whether more can be read at once. */
public record PupilPage(List<PupilView> items, Cursor next, boolean hasMore) {
}
