package camlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camlab.zoo.History;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsTest {

  @Test
  void oneNumberFormatPerAxisWithTheDecimalsItsSpanNeeds() {
    assertEquals("0", Charts.decimalPattern(0, 100));
    assertEquals("0.0", Charts.decimalPattern(0, 2.5));
    assertEquals("0.00", Charts.decimalPattern(0.05, 0.95));
    assertEquals("0.000", Charts.decimalPattern(0.41, 0.43));
    assertEquals("0.00", Charts.decimalPattern(1.773, 1.773), "a single value: by its size (1.77)");
  }

  @Test
  void axisEndsAreRoundNumbers() {
    assertEquals(2.0, Charts.niceCeiling(1.95));
    assertEquals(2.5, Charts.niceCeiling(2.1));
    assertEquals(0.15, Charts.niceCeiling(0.12), 1e-12);
    assertEquals(100.0, Charts.niceCeiling(81));
  }

  @Test
  void aOneEpochHistoryGetsRoundAxesNotItsRawValues() {
    XYChart chart = Charts.trainingHistory(new History(List.of(new History.Epoch(1, 1.773472615559896, 0.4123, 10)), 0.5, 10));
    assertEquals(0.0, chart.getStyler().getYAxisMin(0));
    assertEquals(2.0, chart.getStyler().getYAxisMax(0));
    assertEquals("0.0", chart.getStyler().getYAxisGroupDecimalPatternMap().get(0));
    assertEquals(1.0, chart.getStyler().getYAxisMax(1));
    assertEquals("0", chart.getStyler().getXAxisDecimalPattern());
  }
}
