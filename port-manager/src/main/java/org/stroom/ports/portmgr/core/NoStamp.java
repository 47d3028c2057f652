package org.stroom.ports.portmgr.core;

/** The one {@link Stamper#none()}, so the core can recognise it. Thread-safety: stateless. */
enum NoStamp implements Stamper<Object> {
    INSTANCE;

    @Override
    public Object stamp(Object input, long nanos) {
        return input;
    }
}
