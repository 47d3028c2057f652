package org.stroom.ports.server;

import io.grpc.Attributes;
import io.grpc.BindableService;
import io.grpc.ChannelCredentials;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.remote.CertificateAuthority;
import org.stroom.ports.hal.remote.PeerVerifier;
import org.stroom.ports.hal.remote.TlsFiles;

/**
 * Mutual TLS for the Server's own listener and its connection to its peer, with the rules of the Node links:
 * certificates of the installation's CA ({@link PeerVerifier}, which logs and keeps every refusal), the peer's
 * machine name checked instead of its address, nothing listening beyond the configured address.
 *
 * <p>Thread-safety: stateless helpers; the verifiers they are given are thread-safe.
 */
final class Tls {
    /** The verified machine name of the caller of a gRPC call (lower case). */
    static final Context.Key<String> CALLER = Context.key("stroom-server-caller");

    private static final Logger LOG = LoggerFactory.getLogger(Tls.class);

    private Tls() {}

    /**
     * @param tls this Server's files
     * @param accepted machine names that may connect
     * @param clock certificate validity is checked at its time
     * @return a verifier of clients
     */
    static PeerVerifier clientVerifier(TlsFiles tls, Collection<String> accepted, InstantSource clock) {
        tls.checkReadable();
        return new PeerVerifier(
                CertificateAuthority.readCertificate(tls.ca()), accepted, PeerVerifier.PeerRole.CLIENT, clock);
    }

    /**
     * @param tls this Server's files
     * @param expected the machine connected to
     * @param clock certificate validity is checked at its time
     * @return a verifier of the machine connected to
     */
    static PeerVerifier serverVerifier(TlsFiles tls, String expected, InstantSource clock) {
        tls.checkReadable();
        return new PeerVerifier(
                CertificateAuthority.readCertificate(tls.ca()), List.of(expected), PeerVerifier.PeerRole.SERVER, clock);
    }

    /**
     * Starts a gRPC server on {@code address} requiring client certificates accepted by {@code verifier}; each
     * call runs with the client's machine name in {@link #CALLER}. A client without a certificate is logged and
     * every call it makes is refused.
     *
     * @throws UncheckedIOException when the address cannot be bound or the files cannot be read
     */
    static Server listen(
            String self,
            InetSocketAddress address,
            TlsFiles tls,
            PeerVerifier verifier,
            Executor executor,
            List<BindableService> services) {
        ServerCredentials credentials;
        try {
            credentials = TlsServerCredentials.newBuilder()
                    .keyManager(tls.certificate().toFile(), tls.privateKey().toFile())
                    .trustManager(verifier)
                    // OPTIONAL: a client without a certificate completes the handshake, so that its refusal can
                    // be logged with its address; its calls are refused by the interceptor
                    .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "server " + self + ": cannot read TLS files " + tls + ": " + e.getMessage(), e);
        }
        NettyServerBuilder b = NettyServerBuilder.forAddress(address, credentials)
                .executor(executor)
                .addTransportFilter(new NoCertificate(self))
                .maxConnectionIdle(30, TimeUnit.SECONDS);
        Caller caller = new Caller(self, verifier);
        for (BindableService s : services) {
            b.addService(ServerInterceptors.intercept(s, caller));
        }
        Server server = b.build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "server " + self + ": cannot listen on " + address + ": " + e.getMessage()
                            + "; is another process using the port (listen.port)?",
                    e);
        }
        return server;
    }

    /**
     * Opens a channel to {@code expected} at {@code host:port}, presenting this Server's certificate.
     *
     * @throws UncheckedIOException when the files cannot be read
     */
    static ManagedChannel connect(
            String self, String host, int port, String expected, TlsFiles tls, PeerVerifier verifier, Executor ex) {
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(tls.certificate().toFile(), tls.privateKey().toFile())
                    .trustManager(verifier)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "server " + self + ": cannot read TLS files " + tls + ": " + e.getMessage(), e);
        }
        return NettyChannelBuilder.forAddress(host, port, credentials)
                // the certificate names the machine, not the address it is reached at
                .overrideAuthority(expected)
                .executor(ex)
                .build();
    }

    /**
     * @return the caller's machine name, or fails the call
     * @throws io.grpc.StatusRuntimeException PERMISSION_DENIED when the caller is not {@code allowed}
     */
    static String requireCaller(String allowed, String what) {
        String caller = CALLER.get();
        if (caller == null || !caller.equalsIgnoreCase(allowed)) {
            LOG.warn("refused {} from {}: only {} may call it", what, caller, allowed);
            throw Status.PERMISSION_DENIED
                    .withDescription(what + " is for " + allowed + " only, not " + caller)
                    .asRuntimeException();
        }
        return caller;
    }

    /** Logs every client that completed the handshake without a certificate. */
    private static final class NoCertificate extends ServerTransportFilter {
        private final String self;

        NoCertificate(String self) {
            this.self = self;
        }

        @Override
        public Attributes transportReady(Attributes attributes) {
            SSLSession ssl = attributes.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            boolean certified;
            try {
                certified = ssl != null && ssl.getPeerCertificates().length > 0;
            } catch (SSLPeerUnverifiedException e) {
                certified = false;
            }
            if (!certified) {
                LOG.warn(
                        "TLS: server {} refused client {} (no certificate): the client sent no certificate; every"
                                + " call it makes is refused",
                        self,
                        attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            }
            return attributes;
        }
    }

    /** Puts the machine name of the verified client certificate into the call's context. */
    private static final class Caller implements ServerInterceptor {
        private final String self;
        private final PeerVerifier verifier;

        Caller(String self, PeerVerifier verifier) {
            this.self = self;
            this.verifier = verifier;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            Optional<String> name = Optional.empty();
            if (ssl != null) {
                try {
                    Certificate[] peer = ssl.getPeerCertificates();
                    if (peer.length > 0 && peer[0] instanceof X509Certificate leaf) {
                        name = PeerVerifier.machineName(leaf, verifier.acceptedNames());
                    }
                } catch (SSLPeerUnverifiedException e) {
                    name = Optional.empty();
                }
            }
            if (name.isEmpty()) {
                LOG.warn(
                        "server {}: refused a call from {} without a verified certificate",
                        self,
                        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                call.close(Status.UNAUTHENTICATED.withDescription("no verified client certificate"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
            return Contexts.interceptCall(Context.current().withValue(CALLER, name.get()), call, headers, next);
        }
    }
}
