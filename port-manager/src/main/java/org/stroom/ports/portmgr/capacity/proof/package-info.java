/**
 * Takeover proofs: the survivor's evidence, built from its live state at the moment of takeover, rendered as
 * canonical JSON ({@link org.stroom.ports.portmgr.capacity.proof.CanonicalJson}) and text, signed with Ed25519,
 * and the {@link org.stroom.ports.portmgr.capacity.proof.PromotionPolicy} that decides on it.
 *
 * <p>Thread-safety: immutable values; the prover and signer are safe from any thread.
 */
package org.stroom.ports.portmgr.capacity.proof;
