package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PathFilesTest {

    /**
     * Five journeys: two converting paid_search:click > email:open (10.50 + 20.25 = 30.75), a non-converting
     * paid_search:click > email:click, a non-converting email:open, and a customer without touches.
     */
    private static final List<Customer> JOURNEYS = List.of(
            customer(1, true, "10.50", new Touch("paid_search", "click", 1), new Touch("email", "open", 2)),
            customer(2, true, "20.25", new Touch("paid_search", "click", 3), new Touch("email", "open", 5)),
            customer(3, false, "99.00", new Touch("paid_search", "click", 1), new Touch("email", "click", 4)),
            customer(4, false, "12.00"), customer(5, false, "7.00", new Touch("email", "open", 6)));

    @Test
    void channelPathsAggregateConversionsValueAndNulls() {
        // "" < "email" < "paid_search>email"; the two paid_search>email paths of kind open and the one of kind
        // click are one channel path: 2 conversions, 30.75, 1 null
        assertThat(write(false)).isEqualTo("""
                path,total_conversions,total_conversion_value,total_null
                ,0,0.00,1
                email,0,0.00,1
                paid_search>email,2,30.75,1
                """);
    }

    @Test
    void statePathsKeepTheTouchKind() {
        // "paid_search:click>email:click" < "paid_search:click>email:open" ('c' < 'o')
        assertThat(write(true)).isEqualTo("""
                path,total_conversions,total_conversion_value,total_null
                ,0,0.00,1
                email:open,0,0.00,1
                paid_search:click>email:click,0,0.00,1
                paid_search:click>email:open,2,30.75,0
                """);
    }

    private static String write(boolean states) {
        StringWriter out = new StringWriter();
        PathFiles.write(JOURNEYS, states, out);
        return out.toString();
    }

    private static Customer customer(long id, boolean converted, String value, Touch... touches) {
        return new Customer(id, 0, List.of(touches), 7, converted, new BigDecimal(value));
    }
}
