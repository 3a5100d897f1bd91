/** Statistics that judge a canary against its baseline: pure Java, no I/O. */
package io.voyager.rollouts.judge;
