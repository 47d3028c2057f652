package org.stroom.ports.portman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ErlangCommandTest {
    record Run(int rc, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Portman.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(rc, out.toString().strip(), err.toString().strip());
    }

    @Test
    void portsForOneT1AtOnePercent() {
        // one T1 (24 ports) at 1 % carries 15.295 E; 15.3 E needs a 25th port (B(24, 15.3) = 1.003 %)
        assertThat(run("erlang", "ports", "--traffic", "15.29", "--blocking", "0.01")
                        .out())
                .isEqualTo("24");
        assertThat(run("erlang", "ports", "--traffic", "15.3", "--blocking", "0.01")
                        .out())
                .isEqualTo("25");
    }

    @Test
    void trafficCarriedByFourPooledT1s() {
        Run r = run("erlang", "traffic", "--ports", "96", "--blocking", "0.01");
        assertThat(r.rc()).isZero();
        assertThat(Double.parseDouble(r.out())).isBetween(80.2, 80.4);
    }

    @Test
    void blockingAsTextAndJson() {
        assertThat(run("erlang", "b", "--ports", "24", "--traffic", "15.3").out())
                .startsWith("blocking 1.00");
        Run json = run("erlang", "b", "--ports", "24", "--traffic", "15.3", "--json");
        assertThat(json.out()).startsWith("{\"ports\":24,\"offeredErlangs\":15.3,\"blocking\":0.0100");
    }

    @Test
    void erlangCReportsWaitAndServiceLevel() {
        Run r = run("erlang", "c", "--ports", "10", "--traffic", "8", "--holding", "180", "--within", "60");
        assertThat(r.rc()).isZero();
        assertThat(r.out()).contains("probability of waiting").contains("served within 60.0000 s");
    }

    @Test
    void badInputGetsAClearMessageAndExitCodeTwo() {
        Run unstable = run("erlang", "c", "--ports", "5", "--traffic", "8", "--holding", "60");
        assertThat(unstable.rc()).isEqualTo(2);
        assertThat(unstable.err()).startsWith("portman: ").contains("unstable");
        Run missing = run("erlang", "ports", "--traffic", "3");
        assertThat(missing.rc()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("portman: give --blocking (loss system) or --holding (queue)");
        assertThat(run("erlang", "b", "--ports", "x", "--traffic", "1").rc()).isEqualTo(2);
    }
}
