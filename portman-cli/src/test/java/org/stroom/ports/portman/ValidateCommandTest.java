package org.stroom.ports.portman;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {
    private static final String EXAMPLES = "../docs/examples/";
    private static final String BROKEN = "../port-manager/src/test/resources/config/broken/";

    @Test
    void validFileExitsZeroWithASummary() {
        ErlangCommandTest.Run r = ErlangCommandTest.run("validate", EXAMPLES + "mode2.yaml");
        assertThat(r.rc()).isZero();
        assertThat(r.out()).isEqualTo(EXAMPLES + "mode2.yaml: valid (2 system(s), 12 span(s), MODE_2)");
    }

    @Test
    void invalidFileExitsOneAndListsEveryProblemWithLineAndColumn() {
        ErlangCommandTest.Run r = ErlangCommandTest.run("validate", BROKEN + "pri-on-d4.yaml");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.out().lines())
                .containsExactly(
                        BROKEN
                                + "pri-on-d4.yaml:11:26: systems[0].machines[0].boards[0].spans[0].framing: ISDN PRI is declared on D4 framing; PRI runs only on ESF. Fix: set framing to ESF (ask the carrier if the circuit was ordered as D4) [pri-needs-esf]",
                        BROKEN
                                + "pri-on-d4.yaml:12:25: systems[0].machines[0].boards[0].spans[0].coding: ISDN PRI is declared with AMI coding; 64 kbit/s B-channels need B8ZS. Fix: set the line coding to B8ZS [pri-needs-b8zs]",
                        "2 problem(s) in " + BROKEN + "pri-on-d4.yaml");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void unparsableOrMissingFileExitsTwoWithoutAStackTrace() {
        ErlangCommandTest.Run syntax = ErlangCommandTest.run("validate", BROKEN + "syntax.yaml");
        assertThat(syntax.rc()).isEqualTo(2);
        assertThat(syntax.out()).contains("YAML syntax error");
        ErlangCommandTest.Run missing = ErlangCommandTest.run("validate", "nope.yaml");
        assertThat(missing.rc()).isEqualTo(2);
        assertThat(missing.out()).startsWith("nope.yaml:1:1: the file does not exist");
    }

    @Test
    void jsonOutputCarriesTheProblems() {
        ErlangCommandTest.Run r = ErlangCommandTest.run("validate", "--json", BROKEN + "unknown-field.yaml");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.out())
                .startsWith("{\"file\":")
                .contains("\"rule\":\"unknown-field\"")
                .contains("\"line\":11");
    }
}
