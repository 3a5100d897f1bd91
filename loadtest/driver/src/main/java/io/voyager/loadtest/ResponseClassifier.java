package io.voyager.loadtest;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Turns a response or a transport failure into an outcome name for the report. */
final class ResponseClassifier {

    private ResponseClassifier() {}

    static String classify(int status, String body) {
        if (status == 201 || status == 200) {
            return body != null && body.contains("\"DECLINED\"") ? LoadReport.DECLINED : LoadReport.APPROVED;
        }
        return "http " + status;
    }

    static String classify(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "connect failed";
        }
        if (cause instanceof TimeoutException
                || String.valueOf(cause.getMessage()).contains("timeout")) {
            return "client timeout";
        }
        if (cause instanceof io.vertx.core.http.HttpClosedException) {
            return "connection closed";
        }
        return "io error";
    }
}
