package io.voyager.rollouts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers small in bytes but huge as a tree are refused before the tree is built. */
class PrometheusResponseLimitsTest {

    private static byte[] vectorOf(int samples) {
        StringBuilder json =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        for (int i = 0; i < samples; i++) {
            json.append(i == 0 ? "" : ",").append("{\"metric\":{\"le\":\"0.1\"},\"value\":[1,\"1\"]}");
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void manyTinySamplesAreRefusedByCount() {
        // 3 MB of JSON, under the byte cap, that would take some 60 MB of heap as a tree
        byte[] body = vectorOf(100_000);
        assertThat(body.length).isLessThan((int) PrometheusClient.MAX_BODY_BYTES);

        assertThatThrownBy(() -> PrometheusResponse.vector(200, body))
                .isInstanceOf(PrometheusException.class)
                .hasMessage("answer has more than " + PrometheusResponse.MAX_TOKENS
                        + " JSON values: narrow the query or raise step");
    }

    @Test
    void aLargeButPlausibleAnswerIsRead() throws Exception {
        assertThat(PrometheusResponse.vector(200, vectorOf(5_000))).hasSize(5_000);
    }
}
