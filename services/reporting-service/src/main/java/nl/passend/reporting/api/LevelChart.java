package nl.passend.reporting.api;

import static nl.passend.reporting.api.Formats.coordinate;

import java.util.ArrayList;
import java.util.List;
import nl.passend.events.codes.SupportLevel;
import nl.passend.reporting.domain.SchoolRow;

/** The chart of pupils per support level laid out for its template (tags/levelChart.html): one bar per level. */
public record LevelChart(int width, int height, List<Bar> bars) {

    private static final int HEIGHT = 220;
    private static final int LEFT = 50;
    private static final int TOP = 20;
    private static final int PLOT_HEIGHT = 150;
    private static final int BAR_WIDTH = 120;
    private static final String[] COLOURS = {"#9cc3a6", "#f2c14e", "#f78154", "#c8553d"};

    /** A level's bar (at least 1 px high, so that none is invisible), its count above it and its name below. */
    public record Bar(String label, int pupils, int x, String y, int width, String height, String fill, int centre,
            String valueY, int axisY) {
    }

    static LevelChart of(SchoolRow total, int width) {
        int max = Math.max(1, total.levels().values().stream().mapToInt(Integer::intValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int x = LEFT;
        for (SupportLevel level : SupportLevel.values()) {
            int pupils = total.levels().getOrDefault(level, 0);
            double barHeight = Math.max(1, PLOT_HEIGHT * (double) pupils / max);
            double y = TOP + PLOT_HEIGHT - barHeight;
            bars.add(new Bar("Niveau " + (level.ordinal() + 1), pupils, x, coordinate(y), BAR_WIDTH,
                    coordinate(barHeight), COLOURS[level.ordinal() % COLOURS.length], x + BAR_WIDTH / 2,
                    coordinate(y - 4), TOP + PLOT_HEIGHT + 16));
            x += BAR_WIDTH + 40;
        }
        return new LevelChart(width, HEIGHT, bars);
    }
}
