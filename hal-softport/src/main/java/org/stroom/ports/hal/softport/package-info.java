/**
 * hal-softport: pure-Java simulated Brooktrout and Dialogic boards behind the hardware API.
 *
 * <pre>
 *   Scheduler ── VirtualClock (tests, capacity runs)  |  RealTimeClock (JavaFX simulator, 1×..1000×)
 *      │
 *   SoftBackend (HalBackend) ── boards (BoardModel) ── span ports ── Cable (SpanConfig) ── FarEnd
 *      │                                                                  ▲
 *      ├── Faults: defects → AlarmIntegrator → RED/BLUE/YELLOW; D-channel; board; stuck; vendor errors
 *      └── events: EventHub (sequence, clock stamp)        TrafficSource ─┘ (Poisson arrivals by DID)
 *                                                          ApplicationBehaviour (answers, hangs up)
 * </pre>
 *
 * Start with {@link org.stroom.ports.hal.softport.SoftBackend#builder(String)}; see {@code
 * docs/softport.md}.
 */
package org.stroom.ports.hal.softport;
