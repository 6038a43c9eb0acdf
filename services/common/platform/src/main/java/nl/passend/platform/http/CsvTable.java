package nl.passend.platform.http;

import java.util.List;

/**
 * What a resource answers for {@code text/csv}: a header line and rows of values, written by the one
 * {@link CsvTableWriter} (RFC 4180 quoting; a null value is an empty field, any other its string form).
 */
public record CsvTable(List<String> header, List<List<Object>> rows) {

    public static final String MEDIA_TYPE = "text/csv";

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
