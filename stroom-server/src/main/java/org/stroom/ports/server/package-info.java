/**
 * The Stroom Server process: {@link org.stroom.ports.server.StroomServer} runs one port manager fed by the
 * Server's own boards and its Nodes ({@code RemoteBackend}s), with each Node's resume point in the port manager's
 * journal ({@link org.stroom.ports.server.ResumeJournal}); in a Mode 2 pair it runs the active's or the passive's
 * side of the link between the two Servers: the network {@code PeerLink}
 * ({@link org.stroom.ports.server.PeerLinkServer}, {@link org.stroom.ports.server.PeerLinkClient}), the journal
 * stream into a {@link org.stroom.ports.server.HotStandby} copy, and the failover monitor with its takeover proofs
 * ({@link org.stroom.ports.server.ProofArchive}). {@link org.stroom.ports.server.ServerConfig} is its YAML
 * configuration, {@link org.stroom.ports.server.ServerMain} its process, {@link org.stroom.ports.server.AdminClient}
 * the operator's commands.
 *
 * <p>Thread-safety: see each type; the Server's public methods are safe from any thread.
 */
package org.stroom.ports.server;
