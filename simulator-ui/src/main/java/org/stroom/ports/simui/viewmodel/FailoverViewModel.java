package org.stroom.ports.simui.viewmodel;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stroom.ports.simui.sim.Frame;

/**
 * The standby's failover monitor and the latest takeover proof: verdict, cause, decision, plan and text.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class FailoverViewModel {
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available");
    private final StringProperty title = new SimpleStringProperty(this, "title", "no redundancy pair described");
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty misses = new SimpleStringProperty(this, "misses", "");
    private final BooleanProperty promoted = new SimpleBooleanProperty(this, "promoted");
    private final BooleanProperty activeServerAlive = new SimpleBooleanProperty(this, "activeServerAlive", true);
    private final BooleanProperty hasProof = new SimpleBooleanProperty(this, "hasProof");
    private final StringProperty grade = new SimpleStringProperty(this, "grade", "");
    private final StringProperty cause = new SimpleStringProperty(this, "cause", "");
    private final StringProperty createdAt = new SimpleStringProperty(this, "createdAt", "");
    private final StringProperty decision = new SimpleStringProperty(this, "decision", "");
    private final StringProperty proofText = new SimpleStringProperty(this, "proofText", "");
    private final ObservableList<String> plan = FXCollections.observableArrayList();
    private final BooleanProperty overrideFail = new SimpleBooleanProperty(this, "overrideFail");
    private Optional<Frame.ProofSnap> lastProof = Optional.empty();

    /** @return whether the installation has a redundancy pair to monitor */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    /** @return e.g. {@code "stroom-b monitors stroom-a"} */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** @return the monitor state: OK, SUSPECT, FAILURE, SUSPENDED, STOPPED or REPLICATING */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** @return e.g. {@code "3 of 15 heartbeats missed"} */
    public ReadOnlyStringProperty missesProperty() {
        return misses;
    }

    /** @return whether the standby has taken over */
    public ReadOnlyBooleanProperty promotedProperty() {
        return promoted;
    }

    /** @return whether the active system's Server runs */
    public ReadOnlyBooleanProperty activeServerAliveProperty() {
        return activeServerAlive;
    }

    /** @return whether a proof has been built */
    public ReadOnlyBooleanProperty hasProofProperty() {
        return hasProof;
    }

    /** @return the latest proof's verdict: PASS, DEGRADED or FAIL */
    public ReadOnlyStringProperty gradeProperty() {
        return grade;
    }

    /** @return why the latest proof was built */
    public ReadOnlyStringProperty causeProperty() {
        return cause;
    }

    /** @return when the latest proof was built */
    public ReadOnlyStringProperty createdAtProperty() {
        return createdAt;
    }

    /** @return the promotion decision on the latest proof */
    public ReadOnlyStringProperty decisionProperty() {
        return decision;
    }

    /** @return the latest proof's readable text */
    public ReadOnlyStringProperty proofTextProperty() {
        return proofText;
    }

    /** @return the latest proof's plan: span moves, rollovers, what is missing */
    public ObservableList<String> plan() {
        return plan;
    }

    /** @return whether "failover now" promotes even on a FAIL proof (bind a check box to it) */
    public BooleanProperty overrideFailProperty() {
        return overrideFail;
    }

    void apply(Optional<Frame.FailoverSnap> snap) {
        available.set(snap.isPresent());
        if (snap.isEmpty()) {
            title.set("no redundancy pair described");
            return;
        }
        Frame.FailoverSnap s = snap.get();
        title.set(s.standby() + " monitors " + s.active());
        state.set(s.state());
        misses.set(s.misses() + " of " + s.threshold() + " heartbeats missed");
        promoted.set(s.promoted());
        activeServerAlive.set(s.activeServerAlive());
        if (!s.proof().equals(lastProof)) {
            lastProof = s.proof();
            hasProof.set(s.proof().isPresent());
            Frame.ProofSnap p = s.proof().orElse(null);
            grade.set(p == null ? "" : p.grade());
            cause.set(p == null ? "" : p.cause());
            createdAt.set(p == null ? "" : p.createdAt());
            decision.set(p == null ? "" : p.decision());
            proofText.set(p == null ? "" : p.text());
            plan.setAll(p == null ? java.util.List.of() : p.planLines());
        }
    }
}
