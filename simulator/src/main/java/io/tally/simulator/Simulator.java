package io.tally.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws customers for a {@link Scenario} from one seeded {@link SplittableRandom} (same scenario, count and seed, same
 * customers on any JDK: normals come from Box–Muller here and
 * every function from {@link StrictMath}). Per customer, in order: the
 * intent u ~ N(0,1); each channel in the scenario's order, reached or not, its touches and their kinds and days; the
 * order value; then the conversion, drawn from the causal model at the decision day (the journey's end).
 */
public final class Simulator {

    /** A reached channel's touches stop here whatever the repeat probability. */
    static final int MAX_TOUCHES_PER_CHANNEL = 20;

    private static final Comparator<Touch> IN_TIME = Comparator.comparingDouble(Touch::day)
            .thenComparing(Touch::channel).thenComparing(Touch::kind);

    private Simulator() {
    }

    public static List<Customer> run(Scenario scenario, int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Customer> drawn = new ArrayList<>(customers);
        for (int id = 1; id <= customers; id++) {
            drawn.add(customer(scenario, id, random));
        }
        return drawn;
    }

    private static Customer customer(Scenario scenario, long id, SplittableRandom random) {
        double intent = gaussian(random);
        double end = scenario.journeyDays();
        List<Touch> touches = new ArrayList<>();
        for (ChannelSpec spec : scenario.channels()) {
            if (random.nextDouble() >= CausalModel.sigmoid(spec.reachLogit() + spec.intentSlope() * intent)) {
                continue;
            }
            int count = 1;
            while (count < MAX_TOUCHES_PER_CHANNEL && random.nextDouble() < scenario.repeatProbability()) {
                count++;
            }
            for (int i = 0; i < count; i++) {
                String kind = spec.kinds().get(random.nextInt(spec.kinds().size()));
                double window = spec.late() ? Math.min(scenario.lateWindowDays(), end) : end;
                double day = end - window * random.nextDouble();
                touches.add(new Touch(spec.channel(), kind, day));
            }
        }
        touches.sort(IN_TIME);
        double sigma = scenario.orderValueSpread();
        double value = scenario.meanOrderValue() * StrictMath.exp(sigma * gaussian(random) - sigma * sigma / 2);
        BigDecimal orderValue = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        double p = scenario.model().probability(scenario.model().exposure(touches, end), intent);
        boolean converted = random.nextDouble() < p;
        return new Customer(id, intent, touches, end, converted, orderValue);
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
