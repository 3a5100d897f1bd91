/** Go's encoding/gob wire format: a decoder driven by wire type definitions, and an encoder. */
package io.voyager.rollouts.goplugin.gob;
