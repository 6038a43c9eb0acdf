package nl.passend.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md names, for each rule, the class that enforces it. A rename or a split must not leave
 * the document pointing at a class that is gone: every class a rule names is in the index at the end,
 * and every index entry is a class in the code.
 */
class RulesDocTest {

    private static final Path RULES = Path.of("../../docs/rules.md");
    private static final String INDEX = "## Classes named here";
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)`");

    @Test
    void everyClassARuleNamesIsInTheIndex() throws IOException {
        String text = Files.readString(RULES);
        int index = text.indexOf(INDEX);
        assertThat(index).as("the index heading").isPositive();
        Set<String> named = new TreeSet<>();
        for (String row : tableRows(text.substring(0, index))) {
            named.addAll(names(lastCell(row)));
        }
        assertThat(named).as("classes named by the rules").hasSizeGreaterThan(40);
        Set<String> indexed = new TreeSet<>();
        for (String row : tableRows(text.substring(index))) {
            indexed.addAll(names(cells(row).get(0)));
        }
        assertThat(indexed).containsAll(named);
    }

    @Test
    void everyIndexEntryIsAClassInTheCode() throws IOException {
        String text = Files.readString(RULES);
        List<String> missing = new ArrayList<>();
        int entries = 0;
        for (String row : tableRows(text.substring(text.indexOf(INDEX)))) {
            List<String> cells = cells(row);
            for (String simpleName : names(cells.get(0))) {
                entries++;
                String name = cells.get(2).trim() + "." + simpleName;
                if (!LayeringTest.MAIN_CLASSES.contain(name)) {
                    missing.add(name + " (" + cells.get(1).trim() + ")");
                }
            }
        }
        assertThat(entries).isGreaterThan(40);
        assertThat(missing).as("index entries without a class").isEmpty();
    }

    /** The data rows of the markdown tables in {@code text}: not the header, not the separator. */
    private static List<String> tableRows(String text) {
        List<String> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.lines().toList()) {
            if (!line.startsWith("|")) {
                header = true;
            } else if (line.startsWith("|---")) {
                header = false;
            } else if (!header) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.lastIndexOf('|'));
        return List.of(inner.split("\\|", -1));
    }

    private static String lastCell(String row) {
        List<String> cells = cells(row);
        return cells.get(cells.size() - 1);
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
