package io.voyager.gateway;

final class Placeholder {
    private Placeholder() {
    }
}
