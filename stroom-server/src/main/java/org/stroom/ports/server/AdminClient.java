package org.stroom.ports.server;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.stroom.ports.hal.remote.PeerVerifier;
import org.stroom.ports.server.proto.AdminCommand;
import org.stroom.ports.server.proto.AdminReply;
import org.stroom.ports.server.proto.Failback;
import org.stroom.ports.server.proto.FailoverNow;
import org.stroom.ports.server.proto.Resume;
import org.stroom.ports.server.proto.ServerAdminGrpc;
import org.stroom.ports.server.proto.Shutdown;
import org.stroom.ports.server.proto.StatusReply;
import org.stroom.ports.server.proto.StatusRequest;
import org.stroom.ports.server.proto.Suspend;

/**
 * An operator's commands to a running Server, from its own machine: connects to the Server's listener with the
 * Server's own certificate (from the same configuration file), so only someone who can read that key can command
 * it. Used by {@code portman server status|failover-now|failback|suspend|resume|shutdown --config FILE}.
 *
 * <p>Thread-safety: safe from any thread; close it after use.
 */
public final class AdminClient implements AutoCloseable {
    private final ServerConfig config;
    private final ExecutorService executor;
    private final ManagedChannel channel;
    private final ServerAdminGrpc.ServerAdminBlockingStub stub;
    private final Duration timeout;

    /**
     * @param config the Server's configuration (listen address and TLS files)
     * @param timeout longest wait for an answer
     */
    public AdminClient(ServerConfig config, Duration timeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        PeerVerifier verifier = Tls.serverVerifier(config.tls(), config.name(), InstantSource.system());
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "admin-client");
            t.setDaemon(true);
            return t;
        });
        var a = config.adminAddress();
        this.channel = Tls.connect(
                config.name(),
                a.getAddress().getHostAddress(),
                a.getPort(),
                config.name(),
                config.tls(),
                verifier,
                executor);
        this.stub = ServerAdminGrpc.newBlockingStub(channel);
    }

    /** @return the Server's status */
    public StatusReply status() {
        return call(() -> deadline().status(StatusRequest.getDefaultInstance()));
    }

    /**
     * The passive takes over now, if its proof allows (or {@code overrideFail}).
     *
     * @return the answer, with the proof file written
     */
    public AdminReply failoverNow(String operator, String reason, boolean overrideFail) {
        return command(AdminCommand.newBuilder()
                .setFailoverNow(FailoverNow.newBuilder()
                        .setOperator(operator)
                        .setReason(reason)
                        .setOverrideFail(overrideFail))
                .build());
    }

    /** @return the answer to an operator's failback request on a promoted passive */
    public AdminReply failback(String operator) {
        return command(AdminCommand.newBuilder()
                .setFailback(Failback.newBuilder().setOperator(operator))
                .build());
    }

    /** @return the answer to suspending the passive's monitoring (maintenance of the active) */
    public AdminReply suspend() {
        return command(AdminCommand.newBuilder()
                .setSuspend(Suspend.getDefaultInstance())
                .build());
    }

    /** @return the answer to resuming the passive's monitoring */
    public AdminReply resume() {
        return command(
                AdminCommand.newBuilder().setResume(Resume.getDefaultInstance()).build());
    }

    /** @return the answer to a controlled shutdown (an active announces it to its passive first) */
    public AdminReply shutdown(String reason) {
        return command(AdminCommand.newBuilder()
                .setShutdown(Shutdown.newBuilder().setReason(reason))
                .build());
    }

    private AdminReply command(AdminCommand c) {
        return call(() -> deadline().command(c));
    }

    private ServerAdminGrpc.ServerAdminBlockingStub deadline() {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> T call(java.util.function.Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw new IllegalStateException(
                    "server " + config.name() + " at " + config.adminAddress() + " did not answer: "
                            + e.getStatus().getCode()
                            + (e.getStatus().getDescription() == null
                                    ? ""
                                    : " (" + e.getStatus().getDescription() + ")")
                            + "; is it running with this configuration?",
                    e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        executor.shutdownNow();
    }
}
