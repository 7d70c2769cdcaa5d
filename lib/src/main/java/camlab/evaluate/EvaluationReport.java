package camlab.evaluate;

import camlab.evaluate.localization.MaxBoxAcc;
import camlab.evaluate.localization.MaxBoxAccV2;
import camlab.evaluate.localization.PxAP;
import camlab.evaluate.sanity.SanityCheck;
import camlab.evaluate.sanity.Spearman;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The result of an {@link Evaluation}: one row per method, as a Tablesaw table, JSON or Markdown.
 *
 * <p>Units: GT-known Loc, Top-1 Loc, MaxBoxAcc, MaxBoxAccV2, PxAP, pointing game, Average Drop and Increase in
 * Confidence in percent; deletion and insertion AUC in [0, 1] (RISE's convention); seconds spent on the method's maps
 * and metrics.
 */
public final class EvaluationReport {
  /** One column of the table: header, value, decimals shown. */
  private record Column(String header, String jsonName, Function<Evaluation.MethodResult, Double> value, int decimals) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("GT-known Loc", "gtKnownLoc", r -> r.localization().gtKnownLoc(), 2),
      new Column("Top-1 Loc", "top1Loc", r -> r.localization().top1Loc(), 2),
      new Column("MaxBoxAcc", "maxBoxAcc", r -> r.localization().maxBoxAcc(), 2),
      new Column("MaxBoxAccV2", "maxBoxAccV2", r -> r.localization().maxBoxAccV2(), 2),
      new Column("PxAP", "pxAP", r -> r.localization().pxAP(), 2),
      new Column("pointing game", "pointingGame", r -> r.localization().pointingGame(), 2),
      new Column("deletion AUC", "deletionAuc", r -> r.faithfulness().deletionAuc(), 4),
      new Column("insertion AUC", "insertionAuc", r -> r.faithfulness().insertionAuc(), 4),
      new Column("Average Drop", "averageDrop", r -> r.faithfulness().averageDrop(), 2),
      new Column("Increase in Confidence", "increaseInConfidence", r -> r.faithfulness().increaseInConfidence(), 2),
      new Column("seconds", "seconds", Evaluation.MethodResult::seconds, 1));

  private final int valImages;
  private final int testImages;
  private final Evaluation.Settings settings;
  private final List<Evaluation.MethodResult> rows;
  /** The model of each row, in row order. */
  private final List<String> rowModels;
  /** Settings chosen on the validation split and other remarks, one sentence each. */
  private final List<String> notes;

  /** Rows of one model. */
  public EvaluationReport(String model, int valImages, int testImages, Evaluation.Settings settings, List<Evaluation.MethodResult> rows) {
    this(valImages, testImages, settings, rows, java.util.Collections.nCopies(rows.size(), model), List.of());
  }

  private EvaluationReport(int valImages, int testImages, Evaluation.Settings settings, List<Evaluation.MethodResult> rows, List<String> rowModels,
      List<String> notes) {
    this.valImages = valImages;
    this.testImages = testImages;
    this.settings = settings;
    this.rows = List.copyOf(rows);
    this.rowModels = List.copyOf(rowModels);
    this.notes = List.copyOf(notes);
  }

  /** This report with one more note (shown under the Markdown table and in the JSON). */
  public EvaluationReport withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new EvaluationReport(valImages, testImages, settings, rows, rowModels, more);
  }

  public List<String> notes() {
    return notes;
  }

  /**
   * Several models' reports as one table, each row keeping its model: each method is evaluated on the architecture it
   * was made for (CAM on the GAP-CNN, 1×1-conv maps on the NiN-CNN, ACoL on ACoL). The parts must share the splits and
   * settings, so their numbers are comparable.
   */
  public static EvaluationReport combine(List<EvaluationReport> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("Nothing to combine: no reports given.");
    EvaluationReport first = parts.get(0);
    List<Evaluation.MethodResult> rows = new java.util.ArrayList<>();
    List<String> models = new java.util.ArrayList<>();
    List<String> notes = new java.util.ArrayList<>();
    for (EvaluationReport part : parts) {
      if (part.valImages != first.valImages || part.testImages != first.testImages || !part.settings.equals(first.settings)) {
        throw new IllegalArgumentException("Reports on different splits or settings are not comparable: " + part.models()
            + " used " + part.testImages + " test images and " + part.settings + ", " + first.models() + " used "
            + first.testImages + " and " + first.settings + ".");
      }
      rows.addAll(part.rows);
      models.addAll(part.rowModels);
      notes.addAll(part.notes);
    }
    return new EvaluationReport(first.valImages, first.testImages, first.settings, rows, models, notes);
  }

  /** The models of the rows, each once, in order. */
  public List<String> models() {
    return rowModels.stream().distinct().toList();
  }

  /** The model a row was evaluated on. */
  public String modelOf(Evaluation.MethodResult row) {
    // by identity: two models can give equal results (e.g. the same skip reason), and equals would pick the first
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == row) return rowModels.get(i);
    }
    throw new IllegalArgumentException("Not a row of this report: " + row.method());
  }

  public List<Evaluation.MethodResult> rows() {
    return rows;
  }

  /** The row of a method by name. */
  public Evaluation.MethodResult row(String method) {
    return rows.stream().filter(r -> r.method().equals(method)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No row for '" + method + "'; rows: " + rows.stream().map(Evaluation.MethodResult::method).toList()));
  }

  private List<Evaluation.MethodResult> evaluated() {
    return rows.stream().filter(r -> r.skipped() == null).toList();
  }

  /** Methods and baselines × metrics. Skipped methods are left out (see {@link #rows()}). */
  public Table table() {
    List<Evaluation.MethodResult> shown = evaluated();
    Table table = Table.create("Evaluation of " + String.join(", ", models()) + " on " + testImages + " test images (τ chosen on "
        + valImages + " validation images" + faithfulnessNote() + ")");
    table.addColumns(StringColumn.create("method", shown.stream().map(r -> r.baseline() ? r.method() + " (baseline)" : r.method())));
    table.addColumns(StringColumn.create("model", shown.stream().map(this::modelOf)));
    for (Column c : COLUMNS) {
      DoubleColumn column = DoubleColumn.create(c.header(), shown.stream().mapToDouble(r -> c.value().apply(r)));
      column.setPrintFormatter(new NumberColumnFormatter(format(c.decimals())));
      table.addColumns(column);
    }
    return table;
  }

  /** The sanity check's steps for every method that ran it, or an empty table. */
  public Table sanityTable() {
    StringColumn method = StringColumn.create("method");
    IntColumn layers = IntColumn.create("layers randomized");
    StringColumn layer = StringColumn.create("layer");
    DoubleColumn absolute = DoubleColumn.create("Spearman |·|");
    DoubleColumn signed = DoubleColumn.create("Spearman");
    IntColumn constant = IntColumn.create("left out (constant map)");
    for (Evaluation.MethodResult r : evaluated()) {
      for (SanityCheck.Step s : r.sanity()) {
        method.append(r.method());
        layers.append(s.randomizedLayers());
        layer.append(s.layer());
        absolute.append(s.spearmanAbsolute());
        signed.append(s.spearmanSigned());
        constant.append(s.undefined());
      }
    }
    absolute.setPrintFormatter(new NumberColumnFormatter(format(3)));
    signed.setPrintFormatter(new NumberColumnFormatter(format(3)));
    return Table.create("Cascading randomization (Adebayo et al.): rank correlation with the trained model's maps",
        method, layers, layer, absolute, signed, constant);
  }

  /** Everything, numbers at full precision. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("models", models());
    root.put("valImages", valImages);
    root.put("testImages", testImages);
    root.put("settings", settings);
    root.put("units", "percent, except deletionAuc and insertionAuc in [0, 1] and seconds");
    List<Map<String, Object>> out = rows.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", r.method());
      row.put("model", modelOf(r));
      row.put("baseline", r.baseline());
      if (r.skipped() != null) {
        row.put("skipped", r.skipped());
        return row;
      }
      for (Column c : COLUMNS) row.put(c.jsonName(), c.value().apply(r));
      row.put("operatingThreshold", r.localization().operatingThreshold());
      row.put("maxBoxAccThreshold", r.localization().maxBoxAccThreshold());
      row.put("classificationAccuracy", r.localization().classificationAccuracy());
      row.put("faithfulnessImages", r.faithfulness().images());
      if (!r.sanity().isEmpty()) row.put("sanity", r.sanity());
      return row;
    }).toList();
    root.put("rows", out);
    root.put("notes", notes);
    return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root) + "\n";
  }

  /** A Markdown table with the protocol underneath. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Evaluation of ").append(String.join(", ", models())).append("\n\n");
    md.append("| method | model |");
    COLUMNS.forEach(c -> md.append(' ').append(c.header()).append(" |"));
    md.append("\n|---|---|");
    COLUMNS.forEach(c -> md.append("---:|"));
    md.append('\n');
    for (Evaluation.MethodResult r : evaluated()) {
      md.append("| ").append(r.method()).append(r.baseline() ? " (baseline)" : "").append(" | ").append(modelOf(r)).append(" |");
      for (Column c : COLUMNS) md.append(' ').append(format(c.decimals()).format(c.value().apply(r))).append(" |");
      md.append('\n');
    }
    for (Evaluation.MethodResult r : rows) {
      if (r.skipped() != null) md.append("\nSkipped **").append(r.method()).append("**: ").append(r.skipped()).append('\n');
    }
    md.append("\n").append(testImages).append(" test images; operating threshold τ* for GT-known and Top-1 Loc chosen on ")
        .append(valImages).append(" validation images (Choe et al.'s protocol): ");
    md.append(String.join(", ", evaluated().stream()
        .map(r -> r.method() + " τ* = " + format(2).format(r.localization().operatingThreshold())).toList())).append(".");
    for (String m : models()) {
      evaluated().stream().filter(r -> modelOf(r).equals(m)).findFirst().ifPresent(r -> md.append(" Top-1 accuracy of ").append(m)
          .append(" on these images: ").append(format(2).format(r.localization().classificationAccuracy())).append(" %."));
    }
    if (!faithfulnessNote().isEmpty()) md.append(" Deletion, insertion, Average Drop and Increase in Confidence on the first ")
        .append(evaluated().stream().mapToLong(r -> r.faithfulness().images()).max().orElse(0)).append(" test images only.");
    md.append("\n\n");
    md.append("- Maps: the ground-truth class for localization (GT-known), the top-1 class for faithfulness; bicubic upsampling ")
        .append("to the image, then min–max normalisation (wsolevaluation).\n");
    md.append("- Boxes: 8-bit map > ⌊τ·max⌋, 8-connected components; MaxBoxAcc: largest component, IoU ≥ 0.5, best τ on the ")
        .append("0.01 grid; MaxBoxAccV2: all components, mean over IoU ≥ 0.3/0.5/0.7.\n");
    md.append("- PxAP: area under the pixel precision–recall curve over all test pixels (wsolevaluation's bins).\n");
    md.append("- Baselines ignore the model for their maps; Top-1 Loc and the faithfulness metrics still use the model's ")
        .append("predictions and scores.\n");
    md.append("- Deletion (to black) and insertion (from a σ = ").append(format(2).format(settings.blurSigma()))
        .append(" px blur): softmax probability of the top-1 class, ").append(settings.steps())
        .append(" steps, trapezoid AUC (RISE). Average Drop / Increase in Confidence: softmax probability on map ⊙ image (Grad-CAM++).\n");
    notes.forEach(note -> md.append("- ").append(note).append('\n'));
    md.append("- Percentages everywhere except the AUCs (in [0, 1]) and seconds (time in the method's maps and metrics; the ")
        .append("shared canvases and predictions are not counted).\n");
    if (evaluated().stream().anyMatch(r -> !r.sanity().isEmpty())) { // asked without building a table: Markdown needs no Tablesaw
      md.append("\n## Cascading randomization (").append(settings.sanityImages()).append(" test images, seed ").append(settings.seed()).append(")\n\n");
      md.append("| method | layers randomized | layer | Spearman abs | Spearman | left out (constant map) |\n|---|---:|---|---:|---:|---:|\n");
      for (Evaluation.MethodResult r : evaluated()) {
        for (SanityCheck.Step s : r.sanity()) {
          md.append("| ").append(r.method()).append(" | ").append(s.randomizedLayers()).append(" | ").append(s.layer()).append(" | ")
              .append(format(3).format(s.spearmanAbsolute())).append(" | ").append(format(3).format(s.spearmanSigned())).append(" | ")
              .append(s.undefined()).append(" |\n");
        }
      }
    }
    return md.toString();
  }

  /** ", faithfulness on the first N" when the faithfulness metrics saw fewer images than the localization ones. */
  private String faithfulnessNote() {
    long measured = evaluated().stream().mapToLong(r -> r.faithfulness().images()).max().orElse(testImages);
    return measured < testImages ? "; faithfulness on the first " + measured : "";
  }

  public void writeJson(Path file) throws IOException {
    write(file, toJson());
  }

  public void writeMarkdown(Path file) throws IOException {
    write(file, toMarkdown());
  }

  /** Written whole or not at all: a failure leaves the previous report as it was. */
  private static void write(Path file, String text) throws IOException {
    camlab.util.AtomicFile.writeString(file, text);
  }

  /** Fixed decimals, rounding halves up (55.125 → 55.13), with a dot whatever the locale. */
  private static DecimalFormat format(int decimals) {
    DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return format;
  }
}
