package nl.passend.reporting.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static nl.passend.reporting.Svg.svgs;
import static nl.passend.reporting.Svg.marks;
import static nl.passend.reporting.Svg.byId;
import static nl.passend.reporting.Svg.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.passend.reporting.Feed;
import nl.passend.reporting.KnownSwv;
import nl.passend.reporting.Tokens;
import nl.passend.platform.http.SecurityHeaders;
import nl.passend.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SWV's dashboard in a browser: one HTML page whose SVG charts are drawn on the server from the
 * figures of a hand-made SWV ({@link KnownSwv}); with a bearer token or, in a browser, after a login
 * at the identity provider.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    private static final String HIGHLIGHT = "#c8553d";
    private static final String REGULAR = "#4f7cac";

    KnownSwv k;

    @BeforeAll
    void sendTheSwv() {
        k = new KnownSwv(2718);
        Feed.send(k);
    }

    private String page(String token, String countDate) {
        return given().auth().oauth2(token).accept(ContentType.HTML).queryParam("schoolYear", KnownSwv.YEAR)
                .queryParam("countDate", countDate).get("/dashboard/swvs/{swv}", k.swv)
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

    // ---- the page -------------------------------------------------------------------------------

    @Test
    void thePageIsHtmlWithWellFormedSvgCharts() {
        String page = page(Tokens.analyst(k.swv), "OCTOBER");
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>Samenwerkingsverband " + k.swv + "</h1>")
                .contains("Teldatum 2025-10-01").doesNotContain("<script").doesNotContain("<style")
                .contains("<link rel=\"stylesheet\" href=\"/dashboard/dashboard.css\">")
                .contains("<a href=\"/dashboard/logout\">Afmelden</a>");
        Map<String, Document> svgs = svgs(page);
        assertThat(svgs).containsOnlyKeys("referral-chart", "level-chart", "trend-chart");
        // the key figures: 300 + 10 pupils, 6 referrals of 2 %
        assertThat(page).contains("<b>310</b>Leerlingen (bao + sbo)")
                .contains("<b>6 <small>(2,00 %, landelijk 1,10 %)</small></b>Verwijzingen");
    }

    @Test
    void theReferralChartHasABarPerRegularSchoolAndHighlightsTheOneAboveTheAverage() {
        Document chart = svgs(page(Tokens.analyst(k.swv), "OCTOBER")).get("referral-chart");
        List<Element> bars = marks(chart);
        assertThat(bars).hasSize(4).allSatisfy(bar -> assertThat(bar.getTagName()).isEqualTo("rect"));
        Map<String, Element> bySchool = new LinkedHashMap<>();
        bars.forEach(bar -> bySchool.put(bar.getTextContent().split(":")[0], bar));
        // the highest rate first: A 4 %, D 2 %, B 1 %, C 0 %; the SBO and SO schools have no referral rate
        assertThat(bySchool.keySet()).containsExactly(k.a, k.d, k.b, k.c);
        assertThat(bySchool.get(k.a).getAttribute("fill")).isEqualTo(HIGHLIGHT);
        assertThat(bySchool.get(k.a).getTextContent()).isEqualTo(k.a + ": 4,00 % (4 van 100)");
        for (String regular : List.of(k.b, k.c, k.d)) {
            assertThat(bySchool.get(regular).getAttribute("fill")).as(regular).isEqualTo(REGULAR);
        }
        Element average = byId(chart, "swv-average");
        Element national = byId(chart, "national");
        assertThat(average).isNotNull();
        assertThat(national).isNotNull();
        assertThat(average.getTagName()).isEqualTo("line");
        assertThat(national.getTagName()).isEqualTo("line");
        assertThat(texts(chart, "text")).contains("gemiddelde SWV 2,00 %", "landelijk 1,10 %");
        // 1.1 % nationally lies left of the SWV's 2 %; D, exactly at the average, ends on its line
        double averageX = Double.parseDouble(average.getAttribute("x1"));
        assertThat(Double.parseDouble(national.getAttribute("x1"))).isLessThan(averageX);
        Element d = bySchool.get(k.d);
        assertThat(Double.parseDouble(d.getAttribute("x")) + Double.parseDouble(d.getAttribute("width")))
                .isCloseTo(averageX, within(0.11));
    }

    @Test
    void theLevelChartHasFourBarsAndTheTrendChartFiveYears() {
        Map<String, Document> svgs = svgs(page(Tokens.consultant(k.swv), "OCTOBER"));
        List<Element> levels = marks(svgs.get("level-chart"));
        assertThat(levels).hasSize(4);
        // 318 pupils on 1 October; at A 3 at level 2, 2 at level 3 and 1 at level 4
        assertThat(levels).extracting(Element::getTextContent).containsExactly("Niveau 1: 312", "Niveau 2: 3",
                "Niveau 3: 2", "Niveau 4: 1");
        Document trend = svgs.get("trend-chart");
        NodeList circles = trend.getElementsByTagNameNS("*", "circle");
        assertThat(circles.getLength()).isEqualTo(5);
        for (int i = 0; i < circles.getLength(); i++) {
            assertThat(((Element) circles.item(i)).getAttribute("class")).isEqualTo("mark");
        }
        assertThat(circles.item(4).getTextContent()).isEqualTo("2025-2026: 2,00 % (6 van 300)");
        assertThat(circles.item(0).getTextContent()).startsWith("2021-2022: ");
        assertThat(byId(trend, "trend-national")).isNotNull();
    }

    @Test
    void theSignalsAreInATable() {
        String page = page(Tokens.analyst(k.swv), "OCTOBER");
        Matcher table = Pattern.compile("<table id=\"signals\">(.*?)</table>", Pattern.DOTALL).matcher(page);
        assertThat(table.find()).isTrue();
        List<String> rows = new ArrayList<>(List.of(table.group(1).split("<tr>")));
        rows.removeIf(String::isBlank);
        assertThat(rows).hasSize(1 + 7);
        assertThat(table.group(1)).contains("<td>" + k.c + "</td><td>NEVER_REFERS</td>")
                .contains("<td>" + k.a + "</td><td>REFERS_ABOVE_SWV_AVERAGE</td>");
    }

    @Test
    void theFormChoosesTheCountDate() {
        String page = page(Tokens.analyst(k.swv), "FEBRUARY");
        assertThat(page).contains("Teldatum 2026-02-01").contains("<option value=\"FEBRUARY\" selected>")
                .contains("name=\"schoolYear\" value=\"2025-2026\"");
        assertThat(svgs(page)).hasSize(3);
    }

    // ---- navigation and the CSV link ------------------------------------------------------------

    @Test
    void theDashboardWithoutAnSwvRedirectsToTheCallersOwn() {
        for (String token : List.of(Tokens.analyst(k.swv), Tokens.consultant(k.swv))) {
            given().auth().oauth2(token).redirects().follow(false).get("/dashboard")
                    .then().statusCode(303).header("Location", endsWith("/dashboard/swvs/" + k.swv));
        }
        // an analyst without an SWV has no dashboard
        String none = TestTokens.subject("analyst-" + UUID.randomUUID()).roles("swv-analyst").sign();
        assertThat(given().auth().oauth2(none).redirects().follow(false).get("/dashboard").statusCode()).isEqualTo(404);
        // and the dashboard is the SWV staff's only
        assertThat(given().auth().oauth2(Tokens.board(k.boardA, k.swv)).redirects().follow(false).get("/dashboard")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theCsvLinkDownloadsTheReport() {
        String analyst = Tokens.analyst(k.swv);
        String page = page(analyst, "OCTOBER");
        Matcher link = Pattern.compile("href=\"(/dashboard/swvs/[^\"]+/report\\.csv\\?[^\"]*)\"").matcher(page);
        assertThat(link.find()).as("the CSV link").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).isEqualTo("/dashboard/swvs/" + k.swv + "/report.csv?schoolYear=2025-2026&countDate=OCTOBER");
        Response csv = given().auth().oauth2(analyst).get(href);
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"))
                .header("Content-Disposition", containsString("filename=\"" + k.swv + "-2025-2026-october.csv\""));
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines).hasSize(1 + 6 + 1);
        assertThat(lines.get(0)).startsWith("schoolYear,countDate,scope,code,");
        assertThat(lines.get(lines.size() - 1)).startsWith("2025-2026,OCTOBER,SWV," + k.swv + ",,," + k.swv + ",318,");
        // another SWV's analyst gets nothing
        assertThat(given().auth().oauth2(Tokens.analyst(k.otherSwv)).get(href).statusCode()).isEqualTo(404);
    }

    // ---- the page's hardened face and the logout -------------------------------------------------

    @Test
    void thePageAndItsStylesheetCarryAStrictPolicy() {
        Response page = given().auth().oauth2(Tokens.analyst(k.swv)).accept(ContentType.HTML)
                .get("/dashboard/swvs/{swv}", k.swv);
        page.then().statusCode(200)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.DASHBOARD_POLICY))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Strict-Transport-Security", nullValue()); // plain HTTP: a browser would ignore it
        assertThat(SecurityHeaders.DASHBOARD_POLICY).contains("style-src 'self'").doesNotContain("unsafe-inline")
                .doesNotContain("script-src");
        given().auth().oauth2(Tokens.analyst(k.swv)).get("/dashboard/dashboard.css")
                .then().statusCode(200).contentType(startsWith("text/css")).body(containsString("font-family"));
        // behind a TLS proxy (a trusted one, here on this machine), HSTS
        given().auth().oauth2(Tokens.analyst(k.swv)).header("X-Forwarded-Proto", "https").accept(ContentType.HTML)
                .get("/dashboard/swvs/{swv}", k.swv)
                .then().statusCode(200).header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS));
    }

    @Test
    void theLogoutPageNeedsNoLogin() {
        given().redirects().follow(false).get("/signed-out").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("U bent afgemeld")).body(containsString("href=\"/dashboard\""))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.API_POLICY));
    }

    // ---- a browser without a token --------------------------------------------------------------

    /** The identity provider's authorization endpoint, from its discovery document. */
    private static String authorizationEndpoint() {
        String server = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String discovery = server.endsWith("/") ? server : server + "/";
        return given().get(URI.create(discovery + ".well-known/openid-configuration")).then().statusCode(200).extract()
                .jsonPath().getString("authorization_endpoint");
    }

    @Test
    void aBrowserWithoutATokenIsSentToTheIdentityProvider() {
        String endpoint = authorizationEndpoint();
        assertThat(endpoint).startsWith("http");
        for (String path : List.of("/dashboard/swvs/" + k.swv, "/dashboard", "/dashboard/swvs/" + k.swv + "/report.csv")) {
            Response response = given().redirects().follow(false).accept("text/html,application/xhtml+xml")
                    .get(path);
            assertThat(response.statusCode()).as(path + " answered " + response.getHeader("WWW-Authenticate") + " "
                    + response.asString()).isEqualTo(302);
            String location = response.getHeader("Location");
            assertThat(location).as(path).startsWith(endpoint);
            String query = URLDecoder.decode(URI.create(location).getRawQuery(), StandardCharsets.UTF_8);
            assertThat(query).contains("response_type=code").contains("client_id=passend-app")
                    .contains("code_challenge=").contains("code_challenge_method=S256").contains("state=")
                    .contains("redirect_uri=");
            // the state is kept in a cookie until the browser comes back: over TLS only, not sent cross-site
            assertThat(response.getHeaders().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("q_auth")
                    .containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
        }
    }

    @Test
    void anApiPathWithoutATokenStillAnswers401() {
        for (String accept : List.of("text/html", "application/json")) {
            Response response = given().redirects().follow(false).accept(accept).get("/swvs/{swv}/report", k.swv);
            assertProblem(response, 401, "unauthorized").header("WWW-Authenticate", startsWith("Bearer"))
                    .header("Location", nullValue());
        }
    }
}
