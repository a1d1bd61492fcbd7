package io.tally.connectors.offline;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Realistic offline CSV files for tests: a point-of-sale export, a call-centre log, an event attendance list. Every file
 * is built around a unique marker, because all test classes share one broker and one database.
 */
public final class OfflineFixtures {

    private OfflineFixtures() {
    }

    /** A fresh marker: order ids, loyalty ids and codes of one test carry it. */
    public static String marker() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    /** The header of the POS export: the default conversion columns plus store and till, which are not read. */
    public static final String POS_HEADER = "order_id,store,till,occurred_at,amount,currency,loyalty_id,email,coupon_code";

    /**
     * A POS export of nine sales: rows 1, 3, 6 and 9 are good; row 2 has a German date, row 4 a negative amount, row 5
     * the unknown currency XYZ, row 7 three decimals in EUR (and an e-mail address), row 8 no identifier at all.
     */
    public static String posExport(String m) {
        return POS_HEADER + "\r\n" + """
                POS-%1$s-1,BER-01,3,2026-11-22 10:02:11,89.90,EUR,LOY-%1$s-1,anna.berg+%1$s@example.com,BF10
                POS-%1$s-2,BER-01,3,22.11.2026 10:05,19.90,EUR,LOY-%1$s-2,,
                POS-%1$s-3,BER-01,1,2026-11-22T10:07:30Z,12.50,EUR,,jonas.weber+%1$s@example.com,
                POS-%1$s-4,BER-02,2,2026-11-22 10:11:02,-5.00,EUR,LOY-%1$s-4,,
                POS-%1$s-5,BER-02,2,2026-11-22 10:15:45,49.00,XYZ,LOY-%1$s-5,,
                POS-%1$s-6,HAM-01,1,2026-11-22 10:20:00,1250,JPY,LOY-%1$s-6,,
                POS-%1$s-7,HAM-01,1,2026-11-22 10:21:13,9.999,EUR,,mia.schulz+%1$s@example.com,XMAS5

                POS-%1$s-8,HAM-01,4,2026-11-22 10:30:00,15.00,EUR,,,
                "POS-%1$s-9",HAM-02,1,2026-11-22T10:45:10+01:00,"1234.50",EUR,LOY-%1$s-9,,"SUMMER,26"
                """.formatted(m).replace("\n", "\r\n");
    }

    /** The next day's export, which repeats rows 6 and 9 of {@link #posExport} and adds two new sales. */
    public static String overlappingPosExport(String m) {
        return POS_HEADER + "\n" + """
                POS-%1$s-6,HAM-01,1,2026-11-22 10:20:00,1250,JPY,LOY-%1$s-6,,
                "POS-%1$s-9",HAM-02,1,2026-11-22T10:45:10+01:00,"1234.50",EUR,LOY-%1$s-9,,"SUMMER,26"
                POS-%1$s-10,BER-01,2,2026-11-23 09:01:00,30.00,EUR,LOY-%1$s-10,,
                POS-%1$s-11,BER-01,2,2026-11-23 09:12:00,45.50,EUR,,lena.koch+%1$s@example.com,BF10
                """.formatted(m);
    }

    /**
     * A call-centre log in the telephony system's own layout (needs a column mapping): three good calls and one without
     * any identifier (row 4). Row 3 is a direct-mail follow-up logged by an agent.
     */
    public static String callCentreLog(String m) {
        return """
                Call Start,Agent,Caller Phone,Customer No,Outcome,Campaign,Duration (s)
                2026-11-20 09:14:03,agent-17,+49 30 1234567,C-%1$s-1,call,XMAS-CALL-%1$s,312
                2026-11-20T09:21:40Z,agent-04,0049 30 7654321,,call,XMAS-CALL-%1$s,95
                2026-11-20 09:30:12,agent-17,,C-%1$s-3,Direct Mail,,40
                2026-11-20 09:41:55,agent-09,,,call,XMAS-CALL-%1$s,12
                """.formatted(m);
    }

    /** An event attendance list with the default touchpoint columns: two attendees, one registered by e-mail only. */
    public static String eventAttendance(String m) {
        return """
                type,occurred_at,loyalty_id,email,phone,customer_id,code,badge
                event,2026-10-14 18:30:00,LOY-%1$s-1,,,,FALL-GALA-%1$s,VIP
                event,2026-10-14 18:42:10,,guest+%1$s@example.org,,,FALL-GALA-%1$s,GUEST
                """.formatted(m);
    }

    /** A POS export of {@code rows} distinct sales, generated while it is read (see the three-argument form). */
    public static InputStream generatedPosExport(String m, int rows) {
        return generatedPosExport(m, rows, rows);
    }

    /**
     * A cumulative POS export of {@code rows} lines generated while it is read, never held in memory: the lines cycle
     * through {@code distinctOrders} orders (each till re-exports its open orders), and every 10,000th line has a
     * negative amount. Few distinct orders keep the shared topics small for the other tests' probes.
     */
    public static InputStream generatedPosExport(String m, int rows, int distinctOrders) {
        return new InputStream() {
            private byte[] line = (POS_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
            private int position;
            private int next = 1;

            @Override
            public int read() {
                if (position == line.length && !advance()) {
                    return -1;
                }
                return line[position++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (position == line.length && !advance()) {
                    return -1;
                }
                int n = Math.min(length, line.length - position);
                System.arraycopy(line, position, buffer, offset, n);
                position += n;
                return n;
            }

            private boolean advance() {
                if (next > rows) {
                    return false;
                }
                int i = next++;
                String amount = i % 10_000 == 0 ? "-1.00" : (i % 500) + "." + (i % 100 < 10 ? "0" : "") + (i % 100);
                int order = (i - 1) % distinctOrders + 1;
                line = ("BULK-%s-%d,STORE-%03d,%d,2026-11-22 %02d:%02d:%02d,%s,EUR,LOY-%s-%d,,%n".formatted(m, order,
                        i % 120, i % 6, (i / 3600) % 24, (i / 60) % 60, i % 60, amount, m, i))
                        .getBytes(StandardCharsets.UTF_8);
                position = 0;
                return true;
            }
        };
    }
}
