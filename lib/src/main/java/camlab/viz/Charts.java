package camlab.viz;

import camlab.zoo.History;
import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts for the course: static pictures (the kernel renders them as PNG), no JavaScript. Axis labels have one
 * number format per axis (never a raw double such as 1.773472615559896), legends sit beside the plot where they
 * cover no curve, and series colours are ten distinct ones (Tableau 10) before any repeats.
 */
public final class Charts {
  /** Tableau 10: distinct in print and for the common colour-vision deficiencies. */
  static final Color[] PALETTE = {
      new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
      new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
  private static final int WIDTH = 560;
  private static final int HEIGHT = 320;
  /** Room for a legend beside the plot. */
  private static final int LEGEND_WIDTH = 140;
  /** Series names longer than this move the legend below the plot; each then takes a line of this height. */
  private static final int LONG_NAME = 16;
  private static final int LEGEND_LINE = 22;
  /** Pixels between x ticks: room for labels such as "0.48" side by side. */
  private static final int X_TICK_SPACING = 90;

  private Charts() {}

  /**
   * Training loss and accuracy per epoch (accuracy on the right axis, in %). The loss axis starts at 0, accuracy runs
   * from 0 to 100 %, and epochs are whole numbers, so a run of one epoch reads as clearly as a long one.
   */
  public static XYChart trainingHistory(History history) {
    XYChart chart = new XYChartBuilder().width(WIDTH + LEGEND_WIDTH).height(HEIGHT).title("Training").xAxisTitle("epoch").build();
    double[] epochs = history.epochs().stream().mapToDouble(History.Epoch::epoch).toArray();
    double[] loss = history.epochs().stream().mapToDouble(History.Epoch::loss).toArray();
    chart.addSeries("loss", epochs, loss).setYAxisGroup(0);
    chart.addSeries("train accuracy", epochs, history.epochs().stream().mapToDouble(History.Epoch::accuracy).toArray())
        .setYAxisGroup(1);
    chart.setYAxisGroupTitle(0, "cross-entropy loss");
    chart.setYAxisGroupTitle(1, "train accuracy");
    AxesChartStyler s = chart.getStyler();
    s.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    double maxLoss = Arrays.stream(loss).max().orElse(1);
    s.setYAxisMin(0, 0.0);
    s.setYAxisMax(0, niceCeiling(maxLoss * 1.1));
    s.setYAxisMin(1, 0.0);
    s.setYAxisMax(1, 1.0);
    chart.getStyler().putYAxisGroupDecimalPatternMap(0, decimalPattern(0, niceCeiling(maxLoss * 1.1)));
    chart.getStyler().putYAxisGroupDecimalPatternMap(1, "0.0");
    int last = epochs.length == 0 ? 1 : (int) epochs[epochs.length - 1];
    s.setXAxisMin(epochs.length <= 1 ? 0.0 : 1.0);
    s.setXAxisMax(epochs.length <= 1 ? 2.0 : last);
    s.setXAxisDecimalPattern("0");
    s.setXAxisTickMarkSpacingHint(epochs.length <= 1 ? 200 : 60);
    style(chart);
    return chart;
  }

  /**
   * One or more curves over the same x values. The legend sits beside the plot, or below it when a series name is
   * long (so the plot keeps its width and its tick labels their room).
   */
  public static XYChart lines(String title, String xLabel, String yLabel, double[] xs, Map<String, double[]> series) {
    boolean below = series.keySet().stream().mapToInt(String::length).max().orElse(0) > LONG_NAME;
    XYChart chart = new XYChartBuilder().width(below ? WIDTH + 60 : WIDTH + LEGEND_WIDTH)
        .height(below ? HEIGHT + LEGEND_LINE * series.size() : HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    series.forEach((name, ys) -> chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE));
    double[] xRange = range(xs);
    double[] yRange = range(series.values().stream().flatMapToDouble(Arrays::stream).toArray());
    boolean whole = Arrays.stream(xs).allMatch(x -> x == Math.rint(x));
    chart.getStyler().setXAxisDecimalPattern(whole && xRange[1] - xRange[0] >= 2 ? "0" : decimalPattern(xRange[0], xRange[1]));
    chart.getStyler().setYAxisDecimalPattern(decimalPattern(yRange[0], yRange[1]));
    chart.getStyler().setXAxisTickMarkSpacingHint(X_TICK_SPACING);
    style(chart);
    if (below) chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    return chart;
  }

  /** One bar per label. */
  public static CategoryChart bars(String title, String yLabel, Map<String, ? extends Number> values) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yLabel).build();
    chart.addSeries(yLabel, List.copyOf(values.keySet()), List.copyOf(values.values()));
    double[] range = range(values.values().stream().mapToDouble(Number::doubleValue).toArray());
    chart.getStyler().setYAxisDecimalPattern(decimalPattern(Math.min(0, range[0]), Math.max(0, range[1])));
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  /** Grouped bars: one group per label, one bar per series. */
  public static CategoryChart groupedBars(String title, String yLabel, List<String> labels, LinkedHashMap<String, List<? extends Number>> series) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH + LEGEND_WIDTH).height(HEIGHT + 20).title(title).yAxisTitle(yLabel).build();
    series.forEach((name, ys) -> chart.addSeries(name, labels, ys));
    double[] range = range(series.values().stream().flatMap(List::stream).mapToDouble(Number::doubleValue).toArray());
    chart.getStyler().setYAxisDecimalPattern(decimalPattern(Math.min(0, range[0]), Math.max(0, range[1])));
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  /**
   * One number format for an axis spanning {@code min..max}: as many decimals as its tick steps need and no more, the
   * same for every tick ("0.00, 0.08, 0.16", not ".08, 0.16").
   */
  static String decimalPattern(double min, double max) {
    double span = Math.abs(max - min);
    if (!(span > 0) || Double.isInfinite(span)) span = Math.max(Math.abs(max), 1);
    if (span >= 20) return "0";
    if (span >= 2) return "0.0";
    if (span >= 0.2) return "0.00";
    return "0.000";
  }

  /** A round number at or above {@code value}: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten. */
  static double niceCeiling(double value) {
    if (!(value > 0)) return 1;
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * power >= value - 1e-12) return m * power;
    }
    return 10 * power;
  }

  private static double[] range(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isNaN(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
  }

  private static void style(XYChart chart) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
  }
}
