package io.tally.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.restassured.path.json.JsonPath;
import io.tally.devstack.DemoData;
import io.tally.devstack.Suite;
import io.tally.support.security.Role;

/**
 * The dashboard in headless Chromium over the packaged suite, on {@code ./tally up --demo}'s data: signed in through
 * the local sign-in as each role, the overview shows what the public API says for the demo programme, refuses the role
 * that may not read it (naming the roles that may), and has no serious accessibility violation. Screenshots of each
 * page, on a laptop's and a tablet's window, go to {@code target/screenshots}.
 */
@Order(4)
@ExtendWith(SharedSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private Suite suite;
    private DemoData.Loaded demo;
    private Browser browser;
    private String period;

    @BeforeAll
    void loadTheDemoAndOpenABrowser(Suite suite, DemoData.Loaded demo) {
        this.suite = suite;
        this.demo = demo;
        this.period = YearMonth.now(ZoneId.of("Europe/Berlin")).toString(); // the demo's goal month, Berlin's
        this.browser = new Browser(suite.gatewayUrl());
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOverviewShowsWhatTheApiSaysForTheDemoProgramme() throws IOException {
        browser.signIn(Role.MARKETER);
        String token = suite.issuer().token(Role.MARKETER);
        String fragment = "overview?programme=" + demo.programmeId() + "&period=" + period;

        // the demo's events are still being credited at first: the page and the API agree once they settle
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.open(fragment);
            // the same instant as the page's figures: a run-rate forecast moves with every second
            String asOf = browser.driver.findElement(By.cssSelector("[data-as-of]")).getAttribute("data-as-of");
            JsonPath progress = given().auth().oauth2(token).queryParam("period", period).queryParam("asOf", asOf)
                    .get("/api/v1/programmes/{id}/progress", demo.programmeId()).then().statusCode(200).extract()
                    .jsonPath();
            Map<String, Object> goal = progress.getMap("goals[0]");
            assertThat(browser.kpi("attributed")).as("attributed").isEqualTo(progress.getString("attributed"));
            assertThat(browser.kpi("cost")).as("cost").isEqualTo(progress.getString("cost"));
            assertThat(browser.kpi("roas")).as("roas").isEqualTo(progress.getString("roas"));
            assertThat(browser.kpi("goal")).as("goal").isEqualTo(goal.get("goal"));
            assertThat(browser.kpi("expectedToDate")).as("expectedToDate").isEqualTo(goal.get("expectedToDate"));
            assertThat(browser.kpi("forecast")).as("forecast").isEqualTo(goal.get("forecast"));
            assertThat(browser.kpi("status")).as("status").isEqualTo(goal.get("status"));
            assertThat(progress.getString("attributed")).isNotEqualTo("0.00");
        });

        // ROI from the programme ROI report under the official model, over the goal's period
        String official = given().auth().oauth2(token).queryParam("period", period)
                .get("/api/v1/programmes/{id}/progress", demo.programmeId()).then().statusCode(200).extract()
                .path("model");
        JsonPath roi = given().auth().oauth2(token).queryParam("programmeId", demo.programmeId())
                .queryParam("model", official).queryParam("from", YearMonth.parse(period).atDay(1).toString())
                .queryParam("to", YearMonth.parse(period).atEndOfMonth().toString())
                .get("/api/v1/reports/programme-roi").then().statusCode(200).extract().jsonPath();
        assertThat(browser.kpi("roi")).as("roi").isEqualTo(roi.getString("programmes[0].roi"));

        // the goal in the browser's locale (en-GB) and the programme's currency: 3000.00 EUR reads €3,000.00
        String goal = browser.kpi("goal");
        assertThat(browser.driver.findElement(By.cssSelector("[data-kpi='goal']")).getText())
                .isEqualTo("€" + String.format(java.util.Locale.UK, "%,.2f", new java.math.BigDecimal(goal)));
        // every channel the demo's programme was credited on is in the channel mix's table
        String mix = browser.driver.findElement(By.cssSelector("#mix-channels table")).getAttribute("textContent");
        assertThat(mix).contains("Email", "Paid social", "Direct mail");
        // the charts drew (the library is served by the gateway, not a CDN)
        assertThat(browser.driver.executeScript("return typeof window.Chart")).isEqualTo("function");
        assertThat(browser.driver.findElements(By.cssSelector("figure canvas"))).hasSize(3);

        browser.screenshot("overview-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.resize(Browser.TABLET);
        browser.open(fragment);
        browser.screenshot("overview-tablet");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.resize(Browser.LAPTOP);
    }

    @Test
    void everyRoleThatMayReadReportsSeesTheOverviewAndIngestIsToldWhichRolesMay() {
        for (Role role : List.of(Role.ANALYST, Role.FINANCE, Role.ADMIN)) {
            browser.signIn(role);
            browser.open("overview?programme=" + demo.programmeId() + "&period=" + period);
            assertThat(browser.driver.findElement(By.cssSelector("#who [data-roles]")).getAttribute("data-roles"))
                    .isEqualTo(role.claim());
            assertThat(browser.alerts()).as(role.claim()).isEmpty();
            assertThat(browser.kpi("attributed")).as(role.claim()).isNotBlank();
        }

        browser.signIn(Role.INGEST);
        browser.open("overview");
        WebElement refused = browser.waitFor(By.cssSelector("[role='alert']"));
        assertThat(refused.getAttribute("data-status")).isEqualTo("403");
        assertThat(refused.getText()).contains("analyst", "marketer");
        browser.screenshot("overview-refused-ingest");
    }

    @Test
    void financeReadsTheReconciledRevenueDownloadsItClosesAPeriodAndOnlyAnAdminReopensIt() throws IOException {
        browser.signIn(Role.FINANCE);
        String token = suite.issuer().token(Role.FINANCE);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.open("finance?period=" + month + "&model=linear");
            JsonPath report = given().auth().oauth2(token).queryParam("period", month).queryParam("model", "linear")
                    .get("/api/v1/finance/revenue").then().statusCode(200).extract().jsonPath();
            String eur = "[data-currency='EUR'] ";
            for (String figure : List.of("booked", "net", "attributed", "unassigned", "unattributed")) {
                assertThat(browser.driver.findElement(By.cssSelector(eur + "[data-figure='" + figure + "']"))
                        .getAttribute("data-value")).as(figure)
                        .isEqualTo(report.getString("currencies.find { it.currency == 'EUR' }." + figure));
            }
            assertThat(browser.driver.findElement(By.cssSelector(eur + "[data-reconciled]")).getText())
                    .contains(report.getString("currencies.find { it.currency == 'EUR' }.reconciliation.statement"));

            // the CSV the page downloads is the API's
            Files.deleteIfExists(Browser.DOWNLOADS.resolve("revenue-" + month + "-linear.csv"));
            browser.click(By.id("revenue-csv"));
            String csv = Files.readString(browser.downloaded("revenue-" + month + "-linear.csv"));
            assertThat(csv).startsWith("period,currency,section").isEqualTo(given().auth().oauth2(token)
                    .accept("text/csv").queryParam("period", month).queryParam("model", "linear")
                    .get("/api/v1/finance/revenue").then().statusCode(200).extract().asString());
        });
        browser.screenshot("finance");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // a quiet month no other test posts into: closed by finance, who may not reopen it
        browser.fill(By.name("month"), "2001-01");
        browser.fill(By.name("reason"), "Books closed after review");
        browser.click(By.id("close-period"));
        assertThat(browser.waitFor(By.cssSelector("#periods .ok")).getText())
                .isEqualTo("2001-01 is closed now (local-finance).");
        assertThat(browser.driver.findElements(By.id("reopen-period"))).isEmpty();
        assertThat(given().auth().oauth2(token).get("/api/v1/finance/periods").then().statusCode(200).extract()
                .jsonPath().getString("find { it.period == '2001-01' }.state")).isEqualTo("closed");

        browser.signIn(Role.ADMIN);
        browser.open("finance");
        assertThat(browser.driver.findElement(By.cssSelector("#periods table")).getText())
                .contains("2001-01 Closed", "local-finance", "Books closed after review");
        browser.fill(By.name("month"), "2001-01");
        browser.fill(By.name("reason"), "Late credit note");
        browser.click(By.id("reopen-period"));
        assertThat(browser.waitFor(By.cssSelector("#periods .ok")).getText())
                .isEqualTo("2001-01 is open now (local-admin).");

        browser.signIn(Role.MARKETER);
        browser.open("finance");
        WebElement refused = browser.waitFor(By.cssSelector("[role='alert']"));
        assertThat(refused.getAttribute("data-status")).isEqualTo("403");
        assertThat(refused.getText()).contains("finance, admin");
    }

    @Test
    void aMarketerChangesTheGoalTheStatusMovesAndAChangeMadeMeanwhileIsAConflict() {
        browser.signIn(Role.MARKETER);
        String token = suite.issuer().token(Role.MARKETER);
        String goalId = given().auth().oauth2(token).queryParam("period", period)
                .get("/api/v1/programmes/{id}/goals", demo.programmeId()).then().statusCode(200).extract()
                .path("[0].id");

        // far out of reach, then reached: the overview's status follows each change
        changeGoalInThePage(goalId, "1000000.00", "€1,000,000.00");
        assertThat(overviewStatus()).isNotEqualTo("achieved").isEqualTo(apiStatus(token));
        changeGoalInThePage(goalId, "1.00", "€1.00");
        assertThat(overviewStatus()).isEqualTo("achieved").isEqualTo(apiStatus(token));

        // the page reads the goal when its form opens; someone changes it before the marketer saves
        browser.open("plan?programme=" + demo.programmeId());
        browser.click(By.cssSelector("[data-edit-goal='" + goalId + "']"));
        browser.waitFor(By.id("amount-" + goalId));
        var current = given().auth().oauth2(token).get("/api/v1/goals/{id}", goalId).then().statusCode(200).extract();
        given().auth().oauth2(token).contentType("application/json").header("If-Match", current.header("ETag"))
                .body(Map.of("period", period, "amount", "2500.00", "currency", "EUR"))
                .put("/api/v1/goals/{id}", goalId).then().statusCode(200);
        browser.fill(By.id("amount-" + goalId), "4000.00");
        browser.click(By.cssSelector("form[data-etag] button[type='submit']"));
        WebElement conflict = browser.waitFor(By.cssSelector("#goals .conflict"));
        assertThat(conflict.getAttribute("data-status")).isEqualTo("412");
        assertThat(conflict.getText()).contains("Someone else changed this goal");
        browser.screenshot("plan-conflict");
        // the other change stands
        assertThat(given().auth().oauth2(token).get("/api/v1/goals/{id}", goalId).then().extract().<String> path(
                "amount")).isEqualTo("2500.00");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // a budget line, a campaign and the programme changed in the page; PUT replaces a record, so what the form
        // does not show must come back unchanged
        browser.open("plan?programme=" + demo.programmeId());
        String budgetId = browser.waitFor(By.cssSelector("[data-edit-budget]")).getAttribute("data-edit-budget");
        String campaignId = browser.driver.findElement(By.cssSelector("[data-edit-campaign]"))
                .getAttribute("data-edit-campaign");
        changeInThePage("budget", budgetId, "amount", "750.00", "#campaigns");
        assertThat(given().auth().oauth2(token).get("/api/v1/budgets/{id}", budgetId).then().statusCode(200)
                .extract().<String> path("amount")).isEqualTo("750.00");

        JsonPath campaignBefore = given().auth().oauth2(token).get("/api/v1/campaigns/{id}", campaignId).then()
                .statusCode(200).extract().jsonPath();
        changeInThePage("campaign", campaignId, "budget", "9000.00", "#campaigns");
        JsonPath campaignAfter = given().auth().oauth2(token).get("/api/v1/campaigns/{id}", campaignId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(campaignAfter.getString("budget")).isEqualTo("9000.00");
        for (String kept : List.of("name", "channel", "startDate", "endDate", "trackingCodes.code",
                "trackingCodes.type")) {
            assertThat(campaignAfter.getString(kept)).as(kept).isEqualTo(campaignBefore.getString(kept));
        }

        JsonPath programmeBefore = given().auth().oauth2(token).get("/api/v1/programmes/{id}", demo.programmeId())
                .then().statusCode(200).extract().jsonPath();
        changeInThePage("programme", demo.programmeId(), "owner", "plan-owner@example.com", "#programme");
        JsonPath programmeAfter = given().auth().oauth2(token).get("/api/v1/programmes/{id}", demo.programmeId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(programmeAfter.getString("owner")).isEqualTo("plan-owner@example.com");
        for (String kept : List.of("name", "status", "startDate", "endDate", "reportingCurrency", "timeZone",
                "lookbackDays", "officialModel", "pacing", "weekdayWeights", "modelSettings")) {
            assertThat(programmeAfter.getString(kept)).as(kept).isEqualTo(programmeBefore.getString(kept));
        }
        browser.screenshot("plan-changed");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // an analyst reads the plan but is offered no change
        browser.signIn(Role.ANALYST);
        browser.open("plan?programme=" + demo.programmeId());
        assertThat(browser.driver.findElements(By.cssSelector("[data-edit-goal], [data-edit-campaign], "
                + "[data-edit-budget], [data-edit-programme]"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("campaigns")).getText()).contains("Winter newsletter");
    }

    private void changeGoalInThePage(String goalId, String amount, String shown) {
        assertThat(changeInThePage("goal", goalId, "amount", amount, "#goals").getText())
                .isEqualTo("Goal for " + period + " is now " + shown + ".");
        assertThat(browser.driver.findElement(By.cssSelector("[data-goal='" + goalId + "'] [data-amount]"))
                .getAttribute("data-amount")).isEqualTo(amount);
    }

    /**
     * Opens the change form of a record on the plan page, sets one field and saves; returns what the section says
     * once it saved.
     */
    private WebElement changeInThePage(String kind, String id, String field, String value, String section) {
        browser.open("plan?programme=" + demo.programmeId());
        browser.click(By.cssSelector("[data-edit-" + kind + "='" + id + "']"));
        browser.fill(By.id(field + "-" + id), value);
        browser.click(By.cssSelector("form[data-etag] button[type='submit']"));
        return browser.waitFor(By.cssSelector(section + " .ok"));
    }

    private String overviewStatus() {
        browser.open("overview?programme=" + demo.programmeId() + "&period=" + period);
        return browser.kpi("status");
    }

    private String apiStatus(String token) {
        return given().auth().oauth2(token).queryParam("period", period)
                .get("/api/v1/programmes/{id}/progress", demo.programmeId()).then().statusCode(200).extract()
                .path("goals[0].status");
    }

    @Test
    void analystsCompareModelsAndReadJourneysAsTheApiReportsThem() {
        browser.signIn(Role.ANALYST);
        String token = suite.issuer().token(Role.ANALYST);
        String range = "programme=" + demo.programmeId() + "&from=" + demo.from() + "&to=" + demo.to();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.open("models?" + range);
            JsonPath report = given().auth().oauth2(token).queryParam("programmeId", demo.programmeId())
                    .queryParam("from", demo.from().toString()).queryParam("to", demo.to().toString())
                    .get("/api/v1/reports/model-comparison").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> rows = report.getList("rows");
            assertThat(rows).isNotEmpty();
            int cells = 0;
            for (Map<String, Object> row : rows) {
                String group = String.valueOf(row.get("id") == null ? row.get("name") : row.get("id"));
                for (Object cell : (List<?>) row.get("cells")) {
                    Map<?, ?> c = (Map<?, ?>) cell;
                    By at = By.cssSelector("[data-currency='" + row.get("currency") + "'] tr[data-group='" + group
                            + "'] td[data-model='" + c.get("model") + "']");
                    assertThat(browser.driver.findElement(at).getAttribute("data-revenue")).as(group + " " + c.get(
                            "model")).isEqualTo(c.get("revenue"));
                    cells++;
                }
            }
            assertThat(cells).isGreaterThanOrEqualTo(rows.size() * 2);
        });
        browser.screenshot("models");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.open("journeys?" + range);
            JsonPath integration = given().auth().oauth2(token).queryParam("programmeId", demo.programmeId())
                    .queryParam("from", demo.from().toString()).queryParam("to", demo.to().toString())
                    .queryParam("currency", "EUR").get("/api/v1/reports/integration").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(browser.driver.findElement(By.cssSelector("[data-figure='multiChannelRevenueShare']"))
                    .getAttribute("data-value")).isEqualTo(integration.getString("multiChannelRevenueShare"));
            List<String> paths = given().auth().oauth2(token).queryParam("programmeId", demo.programmeId())
                    .queryParam("from", demo.from().toString()).queryParam("to", demo.to().toString())
                    .queryParam("currency", "EUR").queryParam("top", 10).get("/api/v1/reports/paths").then()
                    .statusCode(200).extract().jsonPath().getList("paths.journeys", Object.class).stream()
                    .map(String::valueOf).toList();
            assertThat(browser.driver.findElements(By.cssSelector("#paths tbody tr"))).hasSize(paths.size());
            assertThat(paths).isNotEmpty();
        });
        browser.screenshot("journeys");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.signIn(Role.INGEST);
        for (String page : List.of("models", "journeys", "plan")) {
            browser.open(page);
            assertThat(browser.waitFor(By.cssSelector("[role='alert']")).getAttribute("data-status")).as(page)
                    .isEqualTo("403");
        }
    }

    @Test
    void ingestUploadsAFileReadsItsRejectsAndThePipelinesAndAnAdminManagesApiKeys() throws IOException {
        String m = Long.toHexString(System.nanoTime());
        // a pixel hit no page could have sent: the connectors answer the image and dead-letter it
        given().queryParam("t", "page_view").queryParam("aid", "ui-" + m).queryParam("url", "not a url")
                .get("/api/v1/collect/pixel.gif").then().statusCode(200);
        browser.signIn(Role.INGEST);
        browser.open("data");
        java.nio.file.Path file = Files.createTempFile("pos-", ".csv");
        Files.writeString(file, "order_id,occurred_at,amount,currency,loyalty_id\r\n"
                + "UI-" + m + "-1,2026-11-22 10:02:11,89.90,EUR,LOY-" + m + "-1\r\n"
                + "UI-" + m + "-2,2026-11-22 10:05:00,ninety,EUR,LOY-" + m + "-2\r\n");
        browser.driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("upload-kind")))
                .selectByValue("conversions");
        List<String> before = browser.driver.findElements(By.cssSelector("#imports tbody tr")).stream()
                .map(row -> row.getAttribute("data-job")).toList(); // the demo's own imports
        browser.click(By.cssSelector("#upload button[type='submit']"));
        // the page follows the job until it completes: one row accepted, the unreadable amount rejected
        // (the page redraws the list while a job runs: elements are read afresh each time)
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String jobId = wait.until(d -> {
            WebElement newest = d.findElement(By.cssSelector("#imports tbody tr:first-child"));
            String job = newest.getAttribute("data-job");
            return !before.contains(job) && "completed".equals(newest.getAttribute("data-status")) ? job : null;
        });
        String rejected = wait.until(d -> d.findElement(By.cssSelector("tr[data-job='" + jobId + "'] [data-rejected]"))
                .getAttribute("data-rejected"));
        assertThat(rejected).as("job %s; the page says: %s", jobId, browser.alerts()).isEqualTo("1");
        browser.click(By.cssSelector("[data-rejects='" + jobId + "']"));
        String rejects = Files.readString(browser.downloaded("import-" + jobId + "-rejects.csv"));
        assertThat(rejects).isEqualTo(given().auth().oauth2(suite.issuer().token(Role.INGEST))
                .get("/api/v1/imports/{id}/rejects", jobId).then().statusCode(200).extract().asString())
                .contains("amount");
        // the pixel hit's dead letter reaches the rejected events (the page is refreshed until it shows), and the
        // page's figures are the API's for the same window
        wait.until(d -> {
            browser.click(By.cssSelector("#rejects button"));
            return d.findElements(By.cssSelector("#rejects-recent code.excerpt")).stream()
                    .anyMatch(code -> code.getAttribute("title").contains("aid=ui-" + m));
        });
        WebElement total = browser.waitFor(By.cssSelector("[data-rejects-total]"));
        var api = given().auth().oauth2(suite.issuer().token(Role.INGEST))
                .queryParam("since", total.getAttribute("data-since")).get("/api/v1/rejects")
                .then().statusCode(200).extract().jsonPath();
        assertThat(total.getAttribute("data-rejects-total")).isEqualTo(api.getString("total"));
        assertThat(browser.driver.findElement(By.cssSelector(
                "#rejects-by-reason tr[data-source='web.pixel'][data-field='url'] [data-count]"))
                .getAttribute("data-count")).isEqualTo(api.getString(
                        "byReason.find { it.source == 'web.pixel' && it.field == 'url' }.count"))
                .isNotEqualTo("0");
        // the keys are the admin's
        assertThat(browser.driver.findElement(By.cssSelector("#api-keys [role='alert']")).getText()).contains("admin");
        browser.screenshot("data-ingest");

        browser.signIn(Role.ADMIN);
        browser.open("data");
        browser.fill(By.id("key-name"), "Browser test extract " + m);
        browser.click(By.cssSelector("#new-api-key input[name='role-analyst']"));
        browser.click(By.cssSelector("#new-api-key button[type='submit']"));
        String key = browser.waitFor(By.id("new-key")).getText();
        assertThat(key).startsWith("tally_");
        given().header("X-API-Key", key).get("/api/v1/attribution/models").then().statusCode(200);
        browser.screenshot("data-admin");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.click(By.xpath("//button[normalize-space()='Revoke Browser test extract " + m + "']"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-API-Key", key)
                .get("/api/v1/attribution/models").then().statusCode(401));
    }

    @Test
    void signingOutAsksToSignInAgain() {
        browser.signIn(Role.ANALYST);
        browser.open("overview?programme=" + demo.programmeId());
        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        assertThat(browser.waitFor(By.id("sign-in")).getText()).isEqualTo("Sign in");
        assertThat(browser.driver.executeScript("return window.sessionStorage.getItem('tally.session')")).isNull();
    }
}
