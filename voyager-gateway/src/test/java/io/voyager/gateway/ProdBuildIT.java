package io.voyager.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.voyager.gateway.testsupport.AdyenFake;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.JudgedMetrics;
import io.voyager.gateway.testsupport.MercadoPagoFake;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakes;
import io.voyager.gateway.testsupport.SecretsManagerResource;
import io.voyager.gateway.testsupport.StripeFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged prod build, started as in production: credentials and merchant key hashes from (an
 * emulated) AWS Secrets Manager through the Quarkus extension's client, processors as WireMock
 * fakes of the real APIs. Also inspects the artifact itself: no sandbox inside, and health and
 * metrics only on the management port.
 */
@QuarkusIntegrationTest
@WithTestResource(ProcessorFakes.class)
@WithTestResource(SecretsManagerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProdBuildIT {

    private static final Path APP = Path.of("target", "quarkus-app");
    private static final Path LOG = Path.of("target", "quarkus.log");
    private static final String SANDBOX_PACKAGE = "io/voyager/gateway/sandbox/";
    private static final Pattern MANAGEMENT =
            Pattern.compile("Management interface listening on https?://[^:]+:(\\d+)");

    private static RequestSpecification merchant() {
        return Payments.withKey(Payments.PROD_KEY);
    }

    private static RequestSpecification management() throws IOException {
        Matcher port = MANAGEMENT.matcher(Files.readString(LOG));
        assertThat(port.find()).as("the log announces the management interface").isTrue();
        return given().port(Integer.parseInt(port.group(1)));
    }

    /** As Kubernetes, send only to a ready pod: its start-up warm-up may still be running. */
    @BeforeEach
    void ready() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (management().when().get("/q/health/ready").statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void noSandboxClassIsInTheProdJar() throws IOException {
        List<String> application = sandboxEntries(APP.resolve("app"));
        List<String> generated = sandboxEntries(APP.resolve("quarkus"));

        assertThat(application)
                .as("sandbox classes in the application jar (add new ones to "
                        + "%prod.quarkus.package.jar.user-configured-ignored-entries)")
                .isEmpty();
        // Quarkus generates an implementation of every @ConfigMapping interface it indexes; without the
        // SandboxConfig interface it can never be loaded.
        assertThat(generated)
                .as("generated sandbox classes other than config-mapping stubs")
                .allMatch(entry ->
                        entry.matches(Pattern.quote(SANDBOX_PACKAGE) + "SandboxConfig(\\$\\w+)?\\$\\$CMImpl\\.class"));
    }

    private static List<String> sandboxEntries(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).as("jars in " + folder).isNotEmpty();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : Collections.list(file.entries())) {
                    if (entry.getName().startsWith(SANDBOX_PACKAGE)
                            && entry.getName().endsWith(".class")) {
                        found.add(entry.getName());
                    }
                }
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PUT, /sandbox/faults/adyen",
        "GET, /sandbox/faults",
        "DELETE, /sandbox/faults",
        "POST, /sandbox/baseline"
    })
    void sandboxAndFaultRoutesDoNotExist(String method, String path) {
        given().contentType(ContentType.JSON)
                .body("{\"errorRate\":1.0}")
                .when()
                .request(method, path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"})
    void publicPortServesNoHealthOrMetrics(String path) {
        given().when().get(path).then().statusCode(404);
    }

    /**
     * Runs first, before any test pays: a fresh pod's judged counters are scraped at zero before its first
     * payment, so {@code increase()} counts that payment (a series born with it would lose it).
     */
    @Test
    @Order(1)
    void everyAuthorizationSeriesIsScrapedAtZeroBeforeTheFirstPayment() throws IOException {
        Map<String, Double> judged = JudgedMetrics.of(JudgedMetrics.scrape(management()));
        for (String processor : List.of("stripe", "adyen", "mercadopago", "none")) {
            for (String outcome : List.of("approved", "declined", "error", "timeout", "rejected")) {
                assertThat(judged)
                        .containsEntry(
                                "voyager_authorizations_total{outcome=\"" + outcome + "\",processor=\"" + processor
                                        + "\"}",
                                0.0);
            }
        }
    }

    @Test
    void metricsAreOnTheManagementPort() throws IOException {
        String metrics = JudgedMetrics.scrape(management());
        assertThat(metrics).contains("voyager_build_info{version=\"1.0.0-SNAPSHOT\"");
    }

    @Test
    void sandboxTestKeyIsRefused() {
        Payments.authorize(
                        Payments.given(),
                        "USD",
                        FakeTokens.APPROVED,
                        null,
                        UUID.randomUUID().toString())
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
    }

    @Test
    void authorizesThroughTheConfiguredProcessor() {
        Payments.authorize(
                        merchant(),
                        "EUR",
                        FakeTokens.APPROVED,
                        null,
                        UUID.randomUUID().toString())
                .statusCode(201)
                .header("X-Voyager-Version", equalTo("1.0.0-SNAPSHOT"))
                .body("processor", equalTo("adyen"))
                .body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void declinesAreBusinessOutcomes() {
        Payments.authorize(
                        merchant(),
                        "USD",
                        FakeTokens.DECLINED,
                        null,
                        UUID.randomUUID().toString())
                .statusCode(201)
                .body("status", equalTo("DECLINED"))
                .body("declineCode", equalTo("insufficient_funds"));
    }

    @Test
    void readyOnceEveryProcessorHasCredentialsWithoutShowingThem() throws IOException {
        String health = management()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'credentials' }.data.stripe", equalTo("present"))
                .body("checks.find { it.name == 'merchant-keys' }.status", equalTo("UP"))
                // The prod build's warm-up ran its made-up authorizations (all, or up to its time budget on a busy
                // machine).
                .body("checks.find { it.name == 'warm-up' }.data.state", anyOf(equalTo("done"), equalTo("stopped")))
                .body("checks.find { it.name == 'warm-up' }.data.requests", greaterThan(0))
                .extract()
                .asString();
        assertThat(health).doesNotContain(StripeFake.API_KEY);
    }

    @Test
    void logsNeverShowSecretValuesKeysOrCardNumbers() throws IOException {
        String pan = "4111 1111 1111 1111";
        Payments.authorize(
                        merchant(),
                        "USD",
                        FakeTokens.APPROVED,
                        null,
                        UUID.randomUUID().toString())
                .statusCode(201);
        merchant()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Card", pan)
                .body(Payments.body(1299, "USD", FakeTokens.APPROVED, null))
                .post(Payments.PATH)
                .then()
                .statusCode(400);
        merchant()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Payments.body(1299, "USD", pan, null))
                .post(Payments.PATH)
                .then()
                .statusCode(400);
        String log = Files.readString(LOG);

        assertThat(log)
                .contains("Profile prod activated")
                .doesNotContain(StripeFake.API_KEY)
                .doesNotContain(AdyenFake.API_KEY)
                .doesNotContain(MercadoPagoFake.ACCESS_TOKEN)
                .doesNotContain(Payments.PROD_KEY)
                .doesNotContain(pan)
                .doesNotContain(pan.replace(" ", ""));
    }
}
