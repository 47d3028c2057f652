package org.stroom.ports.server;

import java.util.Objects;

/**
 * A Node event the Server applied: which Node, which of its journals, which sequence number. Written into the
 * Server's port-manager journal with the input the event became ({@link ResumeJournal}), so the last mark of a
 * Node read back from the journal is exactly where the Server resumes that Node after a restart.
 *
 * @param node the Node's machine name
 * @param journalId the Node journal the sequence refers to
 * @param sequence the Node's sequence number of the event, &ge; 1
 *     <p>Thread-safety: immutable.
 */
public record NodeMark(String node, String journalId, long sequence) {
    /**
     * @throws IllegalArgumentException when a name is blank or the sequence is below 1
     */
    public NodeMark {
        Objects.requireNonNull(node, "NodeMark.node");
        Objects.requireNonNull(journalId, "NodeMark.journalId");
        if (node.isBlank() || journalId.isBlank()) {
            throw new IllegalArgumentException(
                    "NodeMark: node '" + node + "' and journalId '" + journalId + "' must not be blank");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("NodeMark of " + node + ": sequence " + sequence + " must be >= 1");
        }
    }
}
