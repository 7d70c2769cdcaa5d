package camlab.viz;

import camlab.model.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart charts for the course: static pictures (the kernel renders them as PNG), no JavaScript. */
public final class Charts {
  private Charts() {}

  /** Training loss and accuracy per epoch (accuracy on the right axis). */
  public static XYChart trainingHistory(History history) {
    XYChart chart = new XYChartBuilder().width(560).height(320).title("Training").xAxisTitle("epoch").build();
    double[] epochs = history.epochs().stream().mapToDouble(History.Epoch::epoch).toArray();
    chart.addSeries("loss", epochs, history.epochs().stream().mapToDouble(History.Epoch::loss).toArray()).setYAxisGroup(0);
    chart.addSeries("train accuracy", epochs, history.epochs().stream().mapToDouble(History.Epoch::accuracy).toArray()).setYAxisGroup(1);
    chart.setYAxisGroupTitle(0, "cross-entropy loss");
    chart.setYAxisGroupTitle(1, "accuracy");
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    style(chart);
    return chart;
  }

  /** One or more curves over the same x values. */
  public static XYChart lines(String title, String xLabel, String yLabel, double[] xs, Map<String, double[]> series) {
    XYChart chart = new XYChartBuilder().width(560).height(320).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    series.forEach((name, ys) -> chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE));
    style(chart);
    return chart;
  }

  /** One bar per label. */
  public static CategoryChart bars(String title, String yLabel, Map<String, ? extends Number> values) {
    CategoryChart chart = new CategoryChartBuilder().width(560).height(320).title(title).yAxisTitle(yLabel).build();
    chart.addSeries(yLabel, List.copyOf(values.keySet()), List.copyOf(values.values()));
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return chart;
  }

  /** Grouped bars: one group per label, one bar per series. */
  public static CategoryChart groupedBars(String title, String yLabel, List<String> labels, LinkedHashMap<String, List<? extends Number>> series) {
    CategoryChart chart = new CategoryChartBuilder().width(640).height(340).title(title).yAxisTitle(yLabel).build();
    series.forEach((name, ys) -> chart.addSeries(name, labels, ys));
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return chart;
  }

  private static void style(XYChart chart) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
  }
}
