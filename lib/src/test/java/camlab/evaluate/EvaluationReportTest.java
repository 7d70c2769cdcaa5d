package camlab.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.evaluate.faithfulness.FaithfulnessMetrics;
import camlab.evaluate.localization.LocalizationMetrics;
import camlab.evaluate.localization.MaxBoxAcc;
import camlab.evaluate.localization.MaxBoxAccV2;
import camlab.evaluate.localization.PxAP;
import camlab.evaluate.sanity.SanityCheck;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The report's table, JSON and Markdown from hand-made results (no model). */
class EvaluationReportTest {
  private static final Evaluation.Settings SETTINGS = Evaluation.Settings.DEFAULT.withSanityImages(10);
  private static final LocalizationMetrics.Result LOC = new LocalizationMetrics.Result(61.25, 40.5, 62.0, 55.125, 66.0, 96.5, 0.46, 0.43, 57.2, 500);
  private static final FaithfulnessMetrics.Result FAITH = new FaithfulnessMetrics.Result(0.10794, 0.34781, 29.29, 21.8, 500);
  private static final List<SanityCheck.Step> STEPS = List.of(
      new SanityCheck.Step(0, "none", 1.0, 1.0, 10, 0),
      new SanityCheck.Step(1, "head: linear 128→10", Double.NaN, Double.NaN, 0, 10));

  private static EvaluationReport report() {
    return new EvaluationReport("gap-cnn", 1000, 500, SETTINGS, List.of(
        new Evaluation.MethodResult("cam", false, LOC, FAITH, 12.34, null, STEPS),
        new Evaluation.MethodResult("conv1x1", false, null, null, 0, "needs a 1×1-conv head", List.of()),
        new Evaluation.MethodResult("center-gaussian", true, LOC, FAITH, 1.0, null, List.of())));
  }

  @Test
  void tableHasOneRowPerEvaluatedMethodAndTheMetricsInOrder() {
    Table table = report().table();
    assertEquals(List.of("method", "model", "GT-known Loc", "Top-1 Loc", "MaxBoxAcc", "MaxBoxAccV2", "PxAP", "pointing game", "deletion AUC",
        "insertion AUC", "Average Drop", "Increase in Confidence", "seconds"), table.columnNames());
    assertEquals(List.of("cam", "center-gaussian (baseline)"), table.stringColumn("method").asList());
    assertEquals(55.125, table.doubleColumn("MaxBoxAccV2").get(0), 0);
    assertTrue(table.printAll().contains("0.1079"), table.printAll()); // AUCs with 4 decimals
  }

  @Test
  void jsonKeepsFullPrecisionSkippedReasonsAndUndefinedCorrelations() {
    JsonObject json = JsonParser.parseString(report().toJson()).getAsJsonObject();
    assertEquals(500, json.get("testImages").getAsInt());
    JsonObject cam = json.getAsJsonArray("rows").get(0).getAsJsonObject();
    assertEquals(0.10794, cam.get("deletionAuc").getAsDouble(), 0);
    assertEquals(0.46, cam.get("operatingThreshold").getAsDouble(), 0);
    assertTrue(Double.isNaN(cam.getAsJsonArray("sanity").get(1).getAsJsonObject().get("spearmanSigned").getAsDouble()));
    assertEquals("needs a 1×1-conv head", json.getAsJsonArray("rows").get(1).getAsJsonObject().get("skipped").getAsString());
  }

  @Test
  void combinedReportsKeepEachRowsModel() {
    EvaluationReport acol = new EvaluationReport("acol", 1000, 500, SETTINGS, List.of(
        new Evaluation.MethodResult("acol", false, LOC, new FaithfulnessMetrics.Result(0.1, 0.3, 20, 10, 100), 3.0, null, List.of())));
    EvaluationReport both = EvaluationReport.combine(List.of(report(), acol));
    assertEquals(List.of("gap-cnn", "acol"), both.models());
    assertEquals(List.of("gap-cnn", "gap-cnn", "acol"), both.table().stringColumn("model").asList());
    assertEquals("acol", both.modelOf(both.row("acol")));
    JsonObject json = JsonParser.parseString(both.toJson()).getAsJsonObject();
    assertEquals("acol", json.getAsJsonArray("rows").get(3).getAsJsonObject().get("model").getAsString());
    assertTrue(!both.table().name().contains("faithfulness on"), both.table().name()); // the GAP-CNN rows saw all 500
  }

  @Test
  void aFaithfulnessSubsetIsNamed() {
    EvaluationReport subset = new EvaluationReport("gap-cnn", 1000, 500, SETTINGS, List.of(
        new Evaluation.MethodResult("cam", false, LOC, new FaithfulnessMetrics.Result(0.1, 0.3, 20, 10, 100), 3.0, null, List.of())));
    assertTrue(subset.table().name().contains("faithfulness on the first 100"), subset.table().name());
    assertTrue(subset.toMarkdown().contains("Increase in Confidence on the first 100 test images only."), subset.toMarkdown());
  }

  @Test
  void reportsOnDifferentSplitsAreNotCombined() {
    EvaluationReport fewer = new EvaluationReport("acol", 1000, 400, SETTINGS, List.of());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> EvaluationReport.combine(List.of(report(), fewer)));
    assertTrue(e.getMessage().contains("not comparable"), e.getMessage());
  }

  @Test
  void markdownHasTheTableTheProtocolAndTheSanitySteps() {
    String md = report().toMarkdown();
    assertTrue(md.contains("| cam | gap-cnn | 61.25 | 40.50 | 62.00 | 55.13 | 66.00 | 96.50 | 0.1079 | 0.3478 | 29.29 | 21.80 | 12.3 |"), md);
    assertTrue(md.contains("Skipped **conv1x1**: needs a 1×1-conv head"), md);
    assertTrue(md.contains("cam τ* = 0.46") && md.contains("Top-1 accuracy of gap-cnn on these images: 57.20 %"), md);
    assertTrue(md.contains("| cam | 1 | head: linear 128→10 | NaN | NaN | 10 |"), md);
  }
}
