package io.voyager.gateway.credentials;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log line written while open, formatted as it would be printed, with any exception. */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            message = message + " " + java.util.Arrays.toString(parameters);
            try {
                message = String.format(record.getMessage(), parameters) + " | " + message;
            } catch (RuntimeException notAFormat) {
                // keep the raw message and parameters
            }
        }
        Throwable thrown = record.getThrown();
        lines.add(message + (thrown == null ? "" : " " + thrown));
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
