package io.voyager.rollouts.goplugin.gob;

/** A Go complex64/complex128 value. */
public record GobComplex(double real, double imaginary) {}
