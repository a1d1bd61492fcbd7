package io.tally.connectors.costs.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body read no further than a limit: reading past it throws {@link LimitExceeded}. */
final class LimitedInputStream extends FilterInputStream {

    /** The body is longer than the limit. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded() {
            super("the body is longer than the limit");
        }
    }

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws LimitExceeded {
        read += n;
        if (read > limit) {
            throw new LimitExceeded();
        }
    }
}
