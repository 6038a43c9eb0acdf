package nl.passend.reporting.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.Trend;

/**
 * The SWV's dashboard as one HTML page with its charts drawn as inline SVG on the server: the
 * referral rate per school against the SWV's average and the national flow reference, the pupils
 * per support level, and the referral rate over the school years. No script, no external assets.
 * Every drawn data point has class {@code mark}. The markup is in the Qute templates under
 * {@code templates/}, which escape every value as HTML.
 */
public final class DashboardPage {

    private DashboardPage() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView page);
    }

    public static String render(SwvReport report, Trend trend) {
        return Templates.dashboard(DashboardView.of(report, trend)).render();
    }
}
