package io.voyager.gateway.problem;

/** Told about every problem answer, so metrics can count requests refused before any processor saw them. */
public interface RejectionListener {

    void answered(String path, int status);
}
